// The dashboard page's script, bundled into ../browser.generated.ts and served as
// /__mock/ui/assets/dashboard.js. It listens to the server-sent event stream, fetches the parts of
// the page that the server renders (already escaped), swaps them in (keeping focus, open <details>
// and a playing video), and sends the controls to the admin API. Text it writes itself goes through
// textContent; only the server's parts go through innerHTML.
import { bindControls } from './controls.js';
import { connect } from './live.js';
import { bindTaskView, refreshAll, showTask, taskFromHash } from './view.js';

bindTaskView();
bindControls();
showTask(taskFromHash(), false);
connect();
refreshAll();
