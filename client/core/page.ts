// What every screen tells the browser and screen readers: its title, and short announcements in
// the live region the shell draws (#announcer).

export function setTitle(text: string): void {
  document.title = `${text} — Oogst`;
}

export function announce(text: string): void {
  const announcer = document.getElementById('announcer');
  if (!announcer) return;
  announcer.textContent = '';
  // a fresh text node after a tick is what makes screen readers read a repeated message again
  setTimeout(() => { announcer.textContent = text; }, 50);
}
