/**
 * The status line under a control of the Data page: what the user's last action did,
 * or why it did not, always as "<what was not done>: <the browser's reason>".
 */
import { errorMessage } from '../../model/errors';

export class ActionStatus {
  text = $state('');

  /** Runs `action`: the message it resolves to, or `failed(reason)` if it throws. Never throws itself; says whether it worked. */
  async run(action: () => Promise<string>, failed: (reason: string) => string): Promise<boolean> {
    try {
      this.text = await action();
      return true;
    } catch (e) {
      this.text = failed(errorMessage(e));
      return false;
    }
  }
}
