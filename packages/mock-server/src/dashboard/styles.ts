// The page's stylesheet, served as /__mock/ui/assets/dashboard.css: system fonts, light and dark,
// visible focus, one column on a narrow window and two from 1100px.

export const DASHBOARD_CSS = `:root {
  color-scheme: light dark;
  --bg: #f6f7f9;
  --fg: #1b1f24;
  --muted: #5b6470;
  --card: #ffffff;
  --line: #d5dae1;
  --accent: #0b57d0;
  --focus: #f59e0b;
  --pending: #6b7280;
  --processing: #0b57d0;
  --completed: #15803d;
  --failed: #b91c1c;
  --code-bg: #eef1f5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 15px;
  line-height: 1.45;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #121417;
    --fg: #e6e8eb;
    --muted: #9aa3ad;
    --card: #1b1e23;
    --line: #333a43;
    --accent: #8ab4f8;
    --pending: #9ca3af;
    --processing: #8ab4f8;
    --completed: #4ade80;
    --failed: #f87171;
    --code-bg: #262a31;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
a { color: var(--accent); }
h1, h2, h3 { line-height: 1.2; }
h1 { font-size: 1.35rem; margin: 0; }
h2 { font-size: 1.15rem; margin: 0 0 0.6rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
.muted { color: var(--muted); font-weight: normal; }
.hint { color: var(--muted); font-size: 0.88rem; margin: 0.2rem 0 0.5rem; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
[tabindex="-1"]:focus { outline: none; }
.skip-link { position: absolute; left: -999px; top: 0.5rem; background: var(--card); padding: 0.4rem 0.8rem; z-index: 10; }
.skip-link:focus { left: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.top { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 1.5rem;
  padding: 0.8rem 1.2rem; background: var(--card); border-bottom: 1px solid var(--line); }
.top-facts { margin: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; }
.clock-mode { font-weight: 600; }
.live::before { content: ""; display: inline-block; width: 0.6em; height: 0.6em; border-radius: 50%; margin-right: 0.4em; background: var(--pending); }
.live[data-state="on"]::before { background: var(--completed); }

.messages { padding: 0 1.2rem; }
.notice:empty, .error:empty { display: none; }
.notice, .error { margin: 0.8rem 0 0; padding: 0.5rem 0.8rem; border-radius: 6px; border: 1px solid var(--line); background: var(--card); overflow-wrap: anywhere; }
.error { border-color: var(--failed); color: var(--failed); font-weight: 600; }

.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.2rem; padding: 1rem 1.2rem 2rem; }
/* Wide: the controls in a sidebar, the task view under the table; very wide: beside it. */
@media (min-width: 1100px) {
  .layout { grid-template-columns: 18rem minmax(0, 1fr); align-items: start; }
  .controls { grid-row: 1 / span 2; }
  .cards { grid-template-columns: minmax(0, 1fr); }
  .tasks, .task-view { grid-column: 2; }
}
@media (min-width: 1800px) {
  .layout { grid-template-columns: 18rem minmax(0, 1.3fr) minmax(0, 1fr); }
  .controls { grid-row: auto; }
  .task-view { grid-column: 3; grid-row: 1; }
  .tasks { grid-row: 1; }
}
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.card, .tasks, .task-view { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 0.9rem 1rem; min-width: 0; }
.card h3 { margin-top: 0; }
label { display: block; font-weight: 600; font-size: 0.9rem; margin: 0.45rem 0 0.15rem; }
.inline-form label { display: inline-block; margin-right: 0.6rem; }
input, select, textarea, button { font: inherit; color: inherit; }
input, select, textarea { width: 100%; padding: 0.35rem 0.5rem; border: 1px solid var(--line); border-radius: 5px; background: var(--bg); }
.inline-form input, .inline-form select { width: auto; max-width: 100%; }
textarea { resize: vertical; }
button { cursor: pointer; padding: 0.4rem 0.85rem; border-radius: 5px; border: 1px solid var(--accent); background: var(--accent); color: var(--card); font-weight: 600; margin-top: 0.6rem; }
button[type="button"]:not(.danger) { background: transparent; color: var(--accent); }
button:disabled { opacity: 0.45; cursor: not-allowed; }
button.danger { background: var(--failed); border-color: var(--failed); }
[aria-busy="true"] button[type="submit"], button[aria-busy="true"] { opacity: 0.6; cursor: progress; }
.button-row { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.row2, .row3 { display: grid; gap: 0 0.6rem; align-items: end; }
.row2 { grid-template-columns: 1fr 1fr; }
.row3 { grid-template-columns: 1.2fr 0.8fr 1fr; }
.faults { margin: 0.6rem 0 0; padding-left: 1.1rem; font-size: 0.9rem; }

.counts { margin: 0 0 0.6rem; color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 0.8rem; align-items: end; margin-bottom: 0.6rem; }
.filters > div { flex: 1 1 9rem; }
.filters button { margin-top: 0; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; }
.task-table { font-size: 0.9rem; }
.task-table th, .task-table td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); white-space: nowrap; vertical-align: middle; }
.task-table thead th { font-size: 0.85rem; color: var(--muted); background: var(--bg); position: sticky; top: 0; }
.task-table tbody th { font-weight: normal; }
.task-table tr.selected { background: color-mix(in srgb, var(--accent) 12%, transparent); }
.task-table .empty { text-align: center; color: var(--muted); padding: 1.5rem; white-space: normal; }
.badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.82rem; font-weight: 600; border: 1px solid currentColor; }
.badge-pending, .badge-in_flight { color: var(--pending); }
.badge-processing { color: var(--processing); }
.badge-completed, .badge-delivered { color: var(--completed); }
.badge-failed, .badge-timeout, .badge-refused, .badge-abandoned { color: var(--failed); }
.badge-available { color: var(--completed); }
.badge-degraded { color: var(--pending); }
.badge-unavailable, .badge-retired { color: var(--failed); }
.model-states { list-style: none; margin: 0.5rem 0 0; padding: 0; display: grid; gap: 0.15rem; font-size: 0.85rem; }
.progress { display: inline-flex; align-items: center; gap: 0.4rem; }
progress { width: 4.5rem; height: 0.7rem; accent-color: var(--processing); }
.task-table code { font-size: 0.85em; }
.progress-text { font-variant-numeric: tabular-nums; min-width: 3.2em; text-align: right; }
.pager { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.4rem 1rem; margin-top: 0.6rem; }
.pager-info { margin: 0; color: var(--muted); }
.pager-buttons { display: flex; gap: 0.4rem; }
.pager-buttons button { margin-top: 0; }

.task-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
.task-head h2 { margin: 0; overflow-wrap: anywhere; }
.task-head button { margin-top: 0; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.3rem 1rem; margin: 0.8rem 0; }
.facts.compact { grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); margin: 0.3rem 0; font-size: 0.9rem; }
.facts dt { color: var(--muted); font-size: 0.82rem; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.task-actions { border-top: 1px solid var(--line); padding-top: 0.4rem; }
video { display: block; background: #000; border-radius: 6px; max-width: 100%; }
video.landscape { width: 32rem; }
video.portrait { height: 20rem; }
.attempts { list-style: none; padding-left: 0; margin: 0.4rem 0; }
.attempt { margin-bottom: 0.8rem; padding-bottom: 0.6rem; border-bottom: 1px dashed var(--line); }
.attempt-line { margin: 0; }
details summary { cursor: pointer; color: var(--accent); margin: 0.2rem 0; }
.headers th, .headers td { text-align: left; vertical-align: top; padding: 0.15rem 0.5rem 0.15rem 0; font-size: 0.88rem; }
.wrap { overflow-wrap: anywhere; word-break: break-all; }
pre.json { background: var(--code-bg); padding: 0.7rem 0.8rem; border-radius: 6px; overflow: auto; max-height: 28rem; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.3rem 0; }
.foot { padding: 0 1.2rem 1.5rem; color: var(--muted); font-size: 0.88rem; }
.login { max-width: 28rem; margin: 4rem auto; padding: 0 1rem; }
@media (max-width: 600px) {
  :root { font-size: 14px; }
  .top, .layout, .messages { padding-left: 0.6rem; padding-right: 0.6rem; }
  .row3 { grid-template-columns: 1fr 1fr; }
  progress { width: 4rem; }
}
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; transition: none !important; } }
`;
