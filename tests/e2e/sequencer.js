// Browser tests share one server and its demo data, so they run in one fixed order (by file name)
// rather than jest's order by past durations, which differs between machines and runs: a test that
// only fails after another one then fails everywhere, not only in CI.
const Sequencer = require('@jest/test-sequencer').default;

module.exports = class ByName extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => a.path.localeCompare(b.path));
  }
};
