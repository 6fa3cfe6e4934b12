/**
 * Thumbs up and down under each answer: the reader's vote goes to
 * `POST /api/feedback` with the answerId the answer carried (docs/insights.md).
 * Kept apart from the rest of the widget: `renderAnswer` appends
 * {@link renderFeedback} and the stylesheet appends {@link FEEDBACK_CSS}. Two
 * toggle buttons with names and `aria-pressed`; a vote that fails to send is
 * undone and said so. Small on purpose (the widget has a size budget).
 * @module
 */

import type { Strings } from './i18n.js';

export type Rating = 'up' | 'down';

/** Sends a vote; rejects when it could not be stored. */
export type SendFeedback = (answerId: string, rating: Rating) => Promise<void>;

export const FEEDBACK_CSS = `.fb{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:6px 0 8px;font-size:13px;color:var(--muted)}
.fb button{border:1px solid var(--line);background:var(--bg);border-radius:99px;min-width:32px;min-height:28px}
.fb [aria-pressed=true]{background:var(--accent);border-color:var(--accent)}`;

/** "Helpful? [👍] [👎]" for one answer, in the widget's language. */
export function renderFeedback(doc: Document, t: Strings, answerId: string, send: SendFeedback): HTMLElement {
  const group = doc.createElement('div');
  group.className = 'fb';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t.fbAsk);
  group.append(t.fbShort);
  // Polite, without role=status: the widget's own announcer is the one status region.
  const status = doc.createElement('span');
  status.className = 'status';
  status.setAttribute('aria-live', 'polite');
  const buttons = (['up', 'down'] as const).map((rating) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = rating === 'up' ? '👍' : '👎';
    b.setAttribute('aria-label', rating === 'up' ? t.fbUp : t.fbDown);
    b.setAttribute('aria-pressed', 'false');
    b.onclick = () => {
      if (group.dataset.busy || b.getAttribute('aria-pressed') === 'true') return;
      const before = buttons.map((x) => x.getAttribute('aria-pressed')!);
      for (const x of buttons) x.setAttribute('aria-pressed', String(x === b));
      group.dataset.busy = '1';
      send(answerId, rating)
        .then(
          () => (status.textContent = t.fbThanks),
          () => {
            buttons.forEach((x, i) => x.setAttribute('aria-pressed', before[i]!));
            status.textContent = t.fbFailed;
          },
        )
        .finally(() => delete group.dataset.busy);
    };
    return b;
  });
  group.append(...buttons, status);
  return group;
}
