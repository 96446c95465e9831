/**
 * A facilitation action started from a form or button: runs it and keeps the server's refusal
 * (its `error` message names the reason) for the component to show next to the control.
 */
export class Attempt {
  error = $state('');

  run = async (action: () => Promise<unknown>): Promise<void> => {
    try {
      this.error = '';
      await action();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  };
}
