// Preloaded (node -r) into the servers the load and crash drills start: a server told to listen on
// a bare port listens on 127.0.0.1 only, so a drill never opens a port beyond this machine.
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
