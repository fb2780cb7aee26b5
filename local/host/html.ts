/**
 * HTML building blocks of the Jira-like host pages. Everything that comes from Jira or the app is
 * passed through `esc` (pages render Jira data as text, never as markup).
 */

export function esc(v: unknown): string {
  return String(v ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Safe inside a `<script type="application/json">` block. */
export function jsonForScript(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** A raw HTML string that `page` inserts as is (built only from `esc`aped parts). */
export interface Html {
  readonly html: string;
}
export const raw = (html: string): Html => ({ html });

export interface NavLink {
  label: string;
  href: string;
  active?: boolean;
}

export interface PageShell {
  title: string;
  user: string;
  users: string[];
  projectKey?: string;
  /** Sidebar links (project pages and Issues); omitted on pages outside a project. */
  nav?: NavLink[];
  body: Html;
  /** The main area is a full-height app frame (project page). */
  fullBleed?: boolean;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#172b4d;background:#fff}
a{color:#0c66e4;text-decoration:none}a:hover{text-decoration:underline}
.topbar{height:48px;display:flex;align-items:center;gap:16px;padding:0 16px;border-bottom:1px solid #dcdfe4;background:#fff}
.topbar .brand{font-weight:700;color:#0c66e4}
.topbar .spacer{flex:1}
.layout{display:flex;min-height:calc(100vh - 48px)}
.sidebar{width:232px;flex:none;border-right:1px solid #dcdfe4;background:#f7f8f9;padding:16px 8px}
.sidebar h2{font-size:12px;text-transform:uppercase;color:#626f86;margin:8px 8px 12px}
.sidebar a{display:block;padding:6px 8px;border-radius:3px;color:#44546f}
.sidebar a.active{background:#e9f2ff;color:#0c66e4;font-weight:600}
main{flex:1;padding:24px 32px;min-width:0}
main.full{padding:0;display:flex;flex-direction:column}
main.full iframe{flex:1;width:100%;min-height:calc(100vh - 48px)}
iframe.forge{border:0;width:100%;display:block}
.issue{display:flex;gap:32px}.issue .primary{flex:1;min-width:0}.issue .secondary{width:320px;flex:none}
.field{margin:12px 0}.field .label{font-size:12px;font-weight:600;color:#626f86}
.lozenge{display:inline-block;padding:0 4px;border-radius:3px;background:#dfe1e6;font-size:11px;font-weight:700;text-transform:uppercase}
.label-chip{display:inline-block;padding:0 6px;margin:0 4px 4px 0;border-radius:3px;background:#f1f2f4;border:1px solid #dcdfe4}
.description{white-space:pre-wrap;border:1px solid #dcdfe4;border-radius:3px;padding:8px 12px;background:#fafbfc}
.panel{border:1px solid #dcdfe4;border-radius:3px;margin:16px 0}.panel>h3{margin:0;padding:8px 12px;font-size:14px;border-bottom:1px solid #dcdfe4;background:#f7f8f9}
table.issues{border-collapse:collapse;width:100%}table.issues th,table.issues td{border-bottom:1px solid #dcdfe4;padding:6px 8px;text-align:left;vertical-align:top}
.error{color:#ae2e24;background:#ffeceb;padding:8px 12px;border-radius:3px}
#flags{position:fixed;left:24px;bottom:24px;display:flex;flex-direction:column;gap:8px;z-index:1000}
.flag{width:360px;padding:12px 16px;border-radius:3px;box-shadow:0 4px 8px rgba(9,30,66,.25);background:#fff;border-left:4px solid #0c66e4}
.flag.success{border-color:#22a06b}.flag.error{border-color:#c9372c}.flag.warning{border-color:#e2b203}
.modal-backdrop{position:fixed;inset:0;background:rgba(9,30,66,.54);display:flex;align-items:flex-start;justify-content:center;padding-top:60px;z-index:900}
.modal{background:#fff;border-radius:3px;width:600px;max-width:95vw;max-height:85vh;overflow:auto}
.modal.large{width:800px}.modal.xlarge{width:968px}.modal.small{width:400px}
button.edit{font:inherit;border:1px solid #dcdfe4;background:#fff;border-radius:3px;padding:2px 8px;cursor:pointer}
html[data-color-mode=dark] body,html[data-color-mode=dark] .topbar,html[data-color-mode=dark] .modal,html[data-color-mode=dark] .flag{background:#1d2125;color:#b6c2cf}
html[data-color-mode=dark] .sidebar,html[data-color-mode=dark] .panel>h3,html[data-color-mode=dark] .description{background:#161a1d}
html[data-color-mode=dark] a,html[data-color-mode=dark] .topbar .brand{color:#579dff}
html[data-color-mode=dark] .lozenge,html[data-color-mode=dark] .label-chip{background:#2c333a;color:#b6c2cf;border-color:#454f59}
html[data-color-mode=dark] .topbar,html[data-color-mode=dark] .sidebar,html[data-color-mode=dark] .description,html[data-color-mode=dark] .panel,html[data-color-mode=dark] .panel>h3{border-color:#454f59}
html[data-color-mode=dark] .sidebar a{color:#9fadbc}html[data-color-mode=dark] .sidebar a.active{background:#1c2b41;color:#579dff}
`;

export function page(shell: PageShell): string {
  const options = shell.users
    .map((u) => `<option value="${esc(u)}"${u === shell.user ? ' selected' : ''}>${esc(u)}</option>`)
    .join('');
  const nav = shell.nav
    ? `<nav class="sidebar" aria-label="Project"><h2>${esc(shell.projectKey ?? '')} project</h2>${shell.nav
        .map((l) => `<a href="${esc(l.href)}"${l.active ? ' class="active" aria-current="page"' : ''}>${esc(l.label)}</a>`)
        .join('')}</nav>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(shell.title)} - Jira (local)</title><style>${STYLE}</style></head>
<body>
<header class="topbar"><a class="brand" href="/">Jira (local)</a><a href="/issues">Issues</a><span class="spacer"></span>
<label>Acting as <select id="user-switch" aria-label="Acting user">${options}</select></label></header>
<div class="layout">${nav}<main class="${shell.fullBleed ? 'full' : ''}">${shell.body.html}</main></div>
<div id="flags" role="status" aria-live="polite"></div>
<script src="/host/host.js"></script>
</body></html>`;
}

/** Atlassian Document Format → plain text (paragraph breaks kept), for display as text. */
export function adfToText(node: unknown): string {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string') return node;
  if (typeof node !== 'object') return String(node);
  const n = node as { type?: string; text?: string; content?: unknown[]; attrs?: Record<string, unknown> };
  if (n.type === 'text') return n.text ?? '';
  if (n.type === 'hardBreak') return '\n';
  if (n.type === 'mention') return String(n.attrs?.text ?? '@user');
  if (n.type === 'inlineCard' || n.type === 'blockCard') return String(n.attrs?.url ?? '');
  const inner = (n.content ?? []).map(adfToText);
  switch (n.type) {
    case 'doc':
      return inner.join('').replace(/\n{3,}/g, '\n\n').trim();
    case 'paragraph':
    case 'heading':
    case 'codeBlock':
    case 'blockquote':
    case 'panel':
      return `${inner.join('')}\n\n`;
    case 'bulletList':
    case 'orderedList':
      return `${inner.join('')}\n`;
    case 'listItem':
      return `• ${inner.join('').trim()}\n`;
    case 'tableRow':
      return `${inner.map((c) => c.trim()).join(' | ')}\n`;
    default:
      return inner.join('');
  }
}
