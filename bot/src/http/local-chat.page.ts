/** A small chat page over POST /local/chat: type, see replies, click choices, download files. */
export const LOCAL_CHAT_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Spendwise — local chat</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 0; display: flex; flex-direction: column; height: 100vh; background: #f4f5f7; }
  header { padding: .6rem 1rem; background: #1f2937; color: #fff; display: flex; gap: 1rem; align-items: center; }
  header input { width: 8rem; }
  #log { flex: 1; overflow-y: auto; padding: 1rem; display: flex; flex-direction: column; gap: .5rem; }
  .msg { max-width: 42rem; padding: .5rem .75rem; border-radius: .6rem; white-space: pre-wrap; }
  .me { align-self: flex-end; background: #2563eb; color: #fff; }
  .bot { align-self: flex-start; background: #fff; border: 1px solid #e5e7eb; }
  .choices { display: flex; flex-wrap: wrap; gap: .3rem; margin-top: .4rem; }
  button { cursor: pointer; }
  form { display: flex; gap: .5rem; padding: .75rem 1rem; background: #fff; border-top: 1px solid #e5e7eb; }
  form input { flex: 1; padding: .5rem; font-size: 1rem; }
  img { max-width: 100%; }
</style>
</head>
<body>
<header><strong>Spendwise</strong><label>user <input id="user" value="me" aria-label="user"></label><span>try: 12.50 lunch #food · report · help</span></header>
<main id="log" aria-live="polite"></main>
<form id="form"><input id="text" autocomplete="off" autofocus placeholder="12.50 lunch #food" aria-label="message"><button>Send</button></form>
<script>
const log = document.getElementById('log');
const show = (cls, node) => { node.classList.add('msg', cls); log.appendChild(node); log.scrollTop = log.scrollHeight; };
const line = (text) => { const d = document.createElement('div'); d.textContent = text; return d; };
async function send(body, label) {
  show('me', line(label));
  const user = document.getElementById('user').value.trim() || 'me';
  try {
    const res = await fetch('/local/chat', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user, id: crypto.randomUUID(), ...body }) });
    const data = await res.json();
    if (!res.ok) { show('bot', line('Error ' + res.status + ': ' + JSON.stringify(data))); return; }
    for (const r of data.replies) show('bot', render(r));
  } catch (e) { show('bot', line('Could not reach the bot: ' + e.message)); }
}
function render(r) {
  const box = line(r.text);
  if (r.image) { const img = document.createElement('img'); img.alt = r.image.name; img.src = 'data:' + r.image.mimeType + ';base64,' + r.image.base64; box.appendChild(img); }
  if (r.file) { const a = document.createElement('a'); a.textContent = '⬇ ' + r.file.name; a.download = r.file.name;
    a.href = 'data:' + r.file.mimeType + ';base64,' + r.file.base64; box.appendChild(document.createElement('br')); box.appendChild(a); }
  if (r.choices) { const bar = document.createElement('div'); bar.className = 'choices';
    for (const c of r.choices) { const b = document.createElement('button'); b.textContent = c.label; b.onclick = () => send({ action: c.action }, c.label); bar.appendChild(b); }
    box.appendChild(bar); }
  return box;
}
document.getElementById('form').addEventListener('submit', (e) => {
  e.preventDefault(); const input = document.getElementById('text'); const text = input.value.trim();
  if (text) { input.value = ''; send({ text }, text); }
});
</script>
</body>
</html>
`;
