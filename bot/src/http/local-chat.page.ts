/**
 * A small chat page over the local chat API: type, see replies (formatted by the server, every user
 * character escaped there), press choices (a reply to a press takes the pressed message's place),
 * download files, and receive replies produced later through the long poll on /local/messages.
 */
export const LOCAL_CHAT_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Spendwise — local chat</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 0; display: flex; flex-direction: column; height: 100vh; background: #f4f5f7; }
  header { padding: .6rem 1rem; background: #1f2937; color: #fff; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
  header input { width: 8rem; }
  #log { flex: 1; overflow-y: auto; padding: 1rem; display: flex; flex-direction: column; gap: .5rem; }
  .msg { max-width: 42rem; padding: .5rem .75rem; border-radius: .6rem; }
  .me { align-self: flex-end; background: #2563eb; color: #fff; white-space: pre-wrap; }
  .bot { align-self: flex-start; background: #fff; border: 1px solid #e5e7eb; }
  .bot ul { margin: .2rem 0; padding-left: 1.2rem; }
  .only-you { font-size: .75rem; color: #6b7280; }
  .choices { display: flex; flex-direction: column; gap: .3rem; margin-top: .4rem; }
  .row { display: flex; flex-wrap: wrap; gap: .3rem; }
  button { cursor: pointer; }
  button.danger { color: #b91c1c; }
  button.primary { font-weight: bold; }
  form { display: flex; gap: .5rem; padding: .75rem 1rem; background: #fff; border-top: 1px solid #e5e7eb; }
  form input { flex: 1; padding: .5rem; font-size: 1rem; }
  .upload { cursor: pointer; font-size: 1.4rem; align-self: center; }
  img { max-width: 100%; }
</style>
</head>
<body>
<header><strong>Spendwise</strong>
  <label>user <input id="user" value="me" aria-label="user"></label>
  <label>group <input id="group" placeholder="(private chat)" aria-label="group"></label>
  <span>try: 12.50 lunch #food · report · help</span></header>
<main id="log" aria-live="polite"></main>
<form id="form"><input id="text" autocomplete="off" autofocus placeholder="12.50 lunch #food" aria-label="message"><button>Send</button>
  <label class="upload" title="Send a photo of a receipt (the text beside it is its caption)">📷<input id="photo" type="file" accept="image/jpeg,image/png" aria-label="receipt photo" hidden></label></form>
<script>
const log = document.getElementById('log');
const who = () => {
  const user = document.getElementById('user').value.trim() || 'me';
  const group = document.getElementById('group').value.trim();
  return group ? { user, group } : { user };
};
const show = (node, replacing) => {
  if (replacing) { replacing.replaceWith(node); return node; }
  log.appendChild(node); log.scrollTop = log.scrollHeight; return node;
};
const bubble = (cls) => { const d = document.createElement('div'); d.classList.add('msg', cls); return d; };
const mine = (text) => { const d = bubble('me'); d.textContent = text; return show(d); };
const note = (text) => { const d = bubble('bot'); d.textContent = text; return show(d); };
async function send(body, label, pressed) {
  if (label) mine(label);
  try {
    const res = await fetch('/local/chat', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...who(), id: crypto.randomUUID(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        locale: navigator.language, ...body }) });
    const data = await res.json();
    if (!res.ok) { note('Error ' + res.status + ': ' + JSON.stringify(data)); return; }
    for (const r of data.replies) show(render(r), r.replacesPressed ? pressed : undefined);
  } catch (e) { note('Could not reach the bot: ' + e.message); }
}
function render(r) {
  const box = bubble('bot');
  if (r.audience === 'sender') { const s = document.createElement('div'); s.className = 'only-you'; s.textContent = 'only you can see this'; box.appendChild(s); }
  const body = document.createElement('div');
  body.innerHTML = r.html; // escaped by the server; formatting comes only from the reply's spans
  box.appendChild(body);
  if (r.image) { const img = document.createElement('img'); img.alt = r.image.name; img.src = 'data:' + r.image.mimeType + ';base64,' + r.image.base64; box.appendChild(img); }
  if (r.file) { const a = document.createElement('a'); a.textContent = '⬇ ' + r.file.name; a.download = r.file.name;
    // A large file is a link to the server, kept for an hour; a small one comes inside the answer.
    if (r.file.url) { a.href = r.file.url; a.title = 'available until ' + new Date(r.file.expiresAt).toLocaleTimeString(); }
    else a.href = 'data:' + r.file.mimeType + ';base64,' + r.file.base64;
    box.appendChild(document.createElement('br')); box.appendChild(a); }
  if (r.choiceRows) { const bar = document.createElement('div'); bar.className = 'choices';
    for (const row of r.choiceRows) { const line = document.createElement('div'); line.className = 'row';
      for (const c of row) { const b = document.createElement('button'); b.textContent = c.label; if (c.style) b.className = c.style;
        b.onclick = () => send({ action: c.action }, c.label, box); line.appendChild(b); }
      bar.appendChild(line); }
    box.appendChild(bar); }
  return box;
}
// Replies that arrive later (after a request, or from the scheduler): a long poll, restarted when the chat changes.
let polling = 0;
let inFlight;
async function poll() {
  const mine = ++polling;
  inFlight?.abort();
  const stop = inFlight = new AbortController();
  const chat = who();
  let cursor;
  while (mine === polling) {
    const params = new URLSearchParams({ ...chat, ...(cursor ? { after: cursor } : {}) });
    try {
      const res = await fetch('/local/messages?' + params, { signal: stop.signal });
      const data = await res.json();
      if (mine !== polling) return;
      if (!res.ok) { await new Promise((r) => setTimeout(r, 3000)); continue; }
      for (const r of data.replies) show(render(r));
      cursor = data.cursor;
    } catch { if (mine === polling) await new Promise((r) => setTimeout(r, 3000)); }
  }
}
document.getElementById('user').addEventListener('input', poll);
document.getElementById('group').addEventListener('input', poll);
poll();
document.getElementById('photo').addEventListener('change', (e) => {
  const file = e.target.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    const input = document.getElementById('text');
    const caption = input.value.trim();
    input.value = '';
    e.target.value = '';
    send({ image: String(reader.result).split(',')[1], ...(caption ? { text: caption } : {}) }, '📷 ' + file.name + (caption ? ' · ' + caption : ''));
  };
  reader.readAsDataURL(file);
});
document.getElementById('form').addEventListener('submit', (e) => {
  e.preventDefault(); const input = document.getElementById('text'); const text = input.value.trim();
  if (text) { input.value = ''; send({ text }, text); }
});
</script>
</body>
</html>
`;
