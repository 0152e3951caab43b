// Oogst client entry point (first screen: log in, then see who you are and the NAP1325 goals).
import './styles.css';

type Me = { name: string; role: string; organisation: { name: string } };

const app = document.getElementById('app')!;

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) }, credentials: 'same-origin' });
  if (!res.ok) throw Object.assign(new Error(res.statusText), { status: res.status, problem: await res.json().catch(() => null) });
  return res.status === 204 ? (undefined as T) : res.json();
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function loginView() {
  const error = el('p', { role: 'alert', class: 'error' });
  const form = el('form', { 'aria-labelledby': 'login-title' },
    el('h1', { id: 'login-title' }, 'Log in to Oogst'),
    el('label', { for: 'email' }, 'Email'), el('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: '' }),
    el('label', { for: 'password' }, 'Password'), el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: '' }),
    el('button', { type: 'submit' }, 'Log in'), error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    try {
      await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: data.get('email'), password: data.get('password') }) });
      void start();
    } catch {
      error.textContent = 'Email or password is wrong.';
    }
  });
  app.replaceChildren(el('main', {}, form));
}

async function homeView(me: Me) {
  const tree = await api<{ goals: Array<{ code: string; name: string; children: Array<{ code: string; name: string }> }> }>('/api/frameworks/nap1325-nl-iv/goals');
  const list = el('ul', {}, ...tree.goals.map((g) => el('li', {}, `${g.code} ${g.name}`, el('ul', {}, ...g.children.map((c) => el('li', {}, `${c.code} ${c.name}`))))));
  const logout = el('button', { type: 'button' }, 'Log out');
  logout.addEventListener('click', async () => { await api('/api/auth/logout', { method: 'POST' }); loginView(); });
  app.replaceChildren(el('main', {}, el('h1', {}, `Welcome, ${me.name}`), el('p', {}, `${me.role} — ${me.organisation.name}`), el('h2', {}, 'NAP1325-IV goals'), list, logout));
}

async function start() {
  try {
    homeView(await api<Me>('/api/auth/me'));
  } catch {
    loginView();
  }
}

void start();
