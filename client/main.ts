// Oogst client entry: language, session, routes, and the loop that draws a route into the shell.
// The dashboards load on demand, so the first screen stays light on a slow connection.
import './styles.css';
import { h, replace } from './core/dom';
import { initialLanguage, isLang, setLanguage, t } from './core/i18n';
import { forget, homeOf, loadMe, me, saveLanguage, setupOnly, type Role } from './core/session';
import { navigate, reload, route, startRouter, type RouteContext, type View } from './core/router';
import { whenUnauthenticated } from './core/api';
import { drawShell } from './views/shell';
import { setTitle } from './core/page';
import { loginView } from './views/account/login';
import { errorView, notFoundView } from './components/errors';
import { setPasswordView } from './views/account/set-password';

type Guard = { public?: boolean; roles?: Role[] };
const guards = new Map<string, Guard>();

function add(path: string, name: string, view: View, guard: Guard = {}): void {
  guards.set(name, guard);
  route(path, name, view);
}

add('/', 'home', () => {
  const user = me();
  if (user) queueMicrotask(() => navigate(homeOf(user.role), { replace: true }));
  return h('p', { class: 'loading' }, t('common.loading'));
});
add('/login', 'login', () => loginView(), { public: true });
// the link /set-password/<token> is answered by the server, which moves its token into a cookie
add('/set-password', 'set-password', (ctx) => setPasswordView(ctx.query), { public: true });
// the link /two-factor/<token> is answered by the server too; this page asks for a login first
add('/two-factor', 'two-factor', async (ctx) => (await import('./views/account/two-factor')).twoFactorView(ctx.query));
// every screen but the login loads on demand: the first visit on a slow connection fetches only the shell
add('/outcomes', 'outcomes', async (ctx) => (await import('./views/outcomes/list')).outcomeListView(ctx, 'ours'), { roles: ['partner', 'evaluator', 'admin'] });
add('/library', 'library', async (ctx) => (await import('./views/outcomes/list')).outcomeListView(ctx, 'library'));
add('/outcomes/new', 'outcome-new', async () => (await import('./views/outcomes/form')).outcomeFormView(null), { roles: ['partner', 'admin'] });
add('/outcomes/:id', 'outcome', async (ctx) => (await import('./views/outcomes/detail')).outcomeDetailView(ctx.params.id, ctx.query));
add('/outcomes/:id/edit', 'outcome-edit', async (ctx) => (await import('./views/outcomes/form')).outcomeFormView(ctx.params.id), { roles: ['partner', 'evaluator', 'admin'] });
add('/review', 'review', async (ctx) => (await import('./views/outcomes/review-queue')).reviewQueueView(ctx), { roles: ['evaluator', 'admin'] });
add('/harvests', 'harvests', async () => (await import('./views/harvests/list')).harvestsView(), { roles: ['evaluator', 'admin'] });
add('/harvests/new', 'harvest-new', async () => (await import('./views/harvests/form')).harvestFormView(null), { roles: ['evaluator', 'admin'] });
add('/harvests/:id/edit', 'harvest-edit', async (ctx) => (await import('./views/harvests/form')).harvestFormView(ctx.params.id), { roles: ['evaluator', 'admin'] });
add('/import', 'import', async () => (await import('./views/imports/import')).importView(), { roles: ['partner', 'evaluator', 'admin'] });
add('/import/mappings', 'import-mappings', async (ctx) => (await import('./views/imports/mappings')).mappingsView(ctx.query), { roles: ['partner', 'evaluator', 'admin'] });
// evaluators write mappings of the kind they import (indicator values) and read the others
add('/import/mappings/new', 'import-mapping-new', async (ctx) => (await import('./views/imports/mappings')).mappingEditorView(null, ctx.query), { roles: ['partner', 'evaluator', 'admin'] });
add('/import/mappings/:id', 'import-mapping', async (ctx) => (await import('./views/imports/mappings')).mappingEditorView(ctx.params.id, ctx.query), { roles: ['partner', 'evaluator', 'admin'] });
add('/notifications', 'notifications', async () => (await import('./views/account/notifications')).notificationsView());
add('/search', 'search', async (ctx) => (await import('./views/search')).searchView(ctx));
add('/stories', 'stories', async (ctx) => (await import('./views/stories/lists')).storyListView(ctx));
add('/stories/new', 'story-new', async () => (await import('./views/stories/form')).storyFormView(null), { roles: ['partner', 'evaluator', 'admin'] });
add('/stories/:id', 'story', async (ctx) => (await import('./views/stories/detail')).storyDetailView(ctx.params.id));
add('/stories/:id/edit', 'story-edit', async (ctx) => (await import('./views/stories/form')).storyFormView(ctx.params.id), { roles: ['partner', 'evaluator', 'admin'] });
add('/fragments', 'fragments', async (ctx) => (await import('./views/stories/lists')).fragmentListView(ctx));
add('/fragments/new', 'fragment-new', async () => (await import('./views/fragments/form')).fragmentFormView(null), { roles: ['partner', 'evaluator', 'admin'] });
add('/fragments/:id', 'fragment', async (ctx) => (await import('./views/fragments/detail')).fragmentDetailView(ctx.params.id));
add('/fragments/:id/edit', 'fragment-edit', async (ctx) => (await import('./views/fragments/form')).fragmentFormView(ctx.params.id), { roles: ['partner', 'evaluator', 'admin'] });
add('/selections', 'selections', async () => (await import('./views/stories/selections')).selectionsView());
add('/themes', 'themes', async () => (await import('./views/fragments/themes')).themesView());
add('/dashboard', 'dashboard', async (ctx) => (await import('./dashboard/view')).dashboardView(ctx));
add('/goals/:code', 'goal', async (ctx) => (await import('./views/goals/goal-story')).goalStoryView(ctx.params.code));
const indicatorWriters: Guard = { roles: ['partner', 'evaluator', 'admin'] };
add('/indicators', 'indicators', async (ctx) => (await import('./views/indicators/list')).indicatorListView(ctx));
add('/indicators/new', 'indicator-new', async () => (await import('./views/indicators/form')).indicatorFormView(null), indicatorWriters);
add('/indicators/:id', 'indicator', async (ctx) => (await import('./views/indicators/detail')).indicatorDetailView(ctx.params.id));
add('/indicators/:id/edit', 'indicator-edit', async (ctx) => (await import('./views/indicators/form')).indicatorFormView(ctx.params.id), indicatorWriters);
const adminOnly: Guard = { roles: ['admin'] };
add('/admin', 'admin', async () => (await import('./views/admin/hub')).adminHubView(), adminOnly);
add('/admin/users', 'admin-users', async (ctx) => (await import('./views/admin/users')).usersView(ctx.query), adminOnly);
add('/admin/users/:id', 'admin-user', async (ctx) => (await import('./views/admin/users')).userEditView(ctx.params.id), adminOnly);
add('/admin/organisations', 'admin-organisations', async () => (await import('./views/admin/organisations')).organisationsView(), adminOnly);
add('/admin/organisations/:id', 'admin-organisation', async (ctx) => (await import('./views/admin/organisations')).organisationEditView(ctx.params.id, ctx.query), adminOnly);
add('/admin/programmes', 'admin-programmes', async () => (await import('./views/admin/programmes')).programmesView(), adminOnly);
add('/admin/programmes/new', 'admin-programme-new', async () => (await import('./views/admin/programmes')).programmeEditView(null), adminOnly);
add('/admin/programmes/:id', 'admin-programme', async (ctx) => (await import('./views/admin/programmes')).programmeEditView(ctx.params.id), adminOnly);
add('/admin/frameworks', 'admin-frameworks', async () => (await import('./views/admin/frameworks')).frameworksView(), adminOnly);
add('/admin/audit', 'admin-audit', async (ctx) => (await import('./views/admin/audit')).auditView(ctx.query), adminOnly);

let generation = 0;

async function draw(found: { name: string; view: View } | null, ctx: RouteContext): Promise<void> {
  const mine = ++generation;
  const guard = found ? guards.get(found.name) ?? {} : {};
  const user = me();
  const app = document.getElementById('app')!;
  app.setAttribute('aria-busy', 'true'); // until the new screen is drawn (tests and screen readers wait for it)
  const main = await drawShell();
  if (mine !== generation) return;
  app.removeAttribute('aria-busy');
  if (!found) return void replace(main, notFoundView());
  if (user) sessionEnded = false;
  if (!guard.public && !user) {
    // not logged in: the login form in place, and the same page after logging in
    return void replace(main, loginView(ctx.path === '/' ? undefined : location.pathname + location.search, sessionEnded));
  }
  if (guard.roles && user && !guard.roles.includes(user.role)) return void replace(main, notFoundView());
  // the organisation requires two-factor sign-in and it is not on yet: that set-up is the only screen
  const view = setupOnly(user) && found.name !== 'two-factor' && !guard.public
    ? async () => (await import('./views/account/two-factor')).twoFactorView(new URLSearchParams()) : found.view;
  main.setAttribute('aria-busy', 'true');
  replace(main, h('p', { class: 'loading' }, t('common.loading')));
  try {
    const node = await view(ctx);
    if (mine !== generation) return;
    replace(main, node);
  } catch (e) {
    if (mine !== generation) return;
    replace(main, errorView(e));
  } finally {
    main.removeAttribute('aria-busy');
  }
  const heading = main.querySelector('h1');
  if (!document.title.includes(heading?.textContent ?? '\u0000')) setTitle(heading?.textContent ?? 'Oogst');
  // after a navigation (not the first load) focus goes to the new page's heading, for screen readers
  if (started && heading) {
    heading.setAttribute('tabindex', '-1');
    (heading as HTMLElement).focus();
  }
  started = true;
}

let started = false;
/** The server ended the session mid-use (not a first visit): the login says so. */
let sessionEnded = false;

async function boot(): Promise<void> {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  await setLanguage(initialLanguage());
  const user = await loadMe();
  // the profile's language wins over the device's, unless the URL asks for one (then it is saved)
  if (user && isLang(fromUrl)) await saveLanguage(fromUrl).catch(() => undefined);
  else if (user && isLang(user.language) && !isLang(fromUrl)) await setLanguage(user.language);
  whenUnauthenticated(() => {
    if (!me()) return;
    forget();
    sessionEnded = true;
    // redraw: the login appears in place of the screen; forms keep their text on this device
    reload();
  });
  startRouter((found, ctx) => void draw(found, ctx));
}

void boot();
