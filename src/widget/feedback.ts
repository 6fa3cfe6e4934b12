/**
 * Thumbs up and down under each answer: the reader's vote goes to `POST /api/feedback`
 * with the answerId the answer carried (docs/insights.md). Kept apart from
 * the rest of the widget: `renderAnswer` appends {@link renderFeedback} and
 * the stylesheet appends {@link FEEDBACK_CSS}. Two toggle buttons with names
 * and `aria-pressed`; a vote that fails to send is undone and said so.
 * @module
 */
export type Rating = 'up' | 'down';

/** Sends a vote; rejects when it could not be stored. */
export type SendFeedback = (answerId: string, rating: Rating) => Promise<void>;

export const FEEDBACK_CSS = `
.feedback{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:6px 0 8px;font-size:13px;color:var(--muted)}
.feedback>span:first-child{white-space:nowrap}
.feedback button{border:1px solid var(--line);background:var(--bg);border-radius:999px;min-width:32px;min-height:28px;padding:2px 8px;line-height:1}
.feedback button[aria-pressed=true]{background:var(--accent);color:var(--accent-fg);border-color:var(--accent)}
.feedback button svg{display:block;margin:auto}
.feedback button[data-rating=down] svg{transform:rotate(180deg)}
.feedback .status{margin-left:4px}
`;

function make(doc: Document, tag: string, attrs: Record<string, string>, text = ''): HTMLElement {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.textContent = text;
  return node;
}

/** A thumbs-up icon (inline SVG: no emoji font needed); the down button turns it over in CSS. */
function thumb(doc: Document): SVGElement {
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 24 24', width: '16', height: '16', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v);
  const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute(
    'd',
    'M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z',
  );
  svg.append(path);
  return svg;
}

/** "Helpful? [thumbs up] [thumbs down]" for one answer. */
export function renderFeedback(doc: Document, answerId: string, send: SendFeedback): HTMLElement {
  // Polite, without role=status: the widget's own announcer is the one status region.
  const status = make(doc, 'span', { class: 'status', 'aria-live': 'polite' });
  const button = (rating: Rating, label: string) => {
    const b = make(doc, 'button', { type: 'button', 'aria-pressed': 'false', 'aria-label': label, title: label, 'data-rating': rating });
    b.append(thumb(doc));
    return b;
  };
  const up = button('up', 'Helpful');
  const down = button('down', 'Not helpful');
  const group = make(doc, 'div', { class: 'feedback', role: 'group', 'aria-label': 'Was this answer helpful?' });
  group.append(make(doc, 'span', { 'aria-hidden': 'true' }, 'Helpful?'), up, down, status);
  let sending = false;
  for (const b of [up, down]) {
    b.addEventListener('click', () => {
      if (sending || b.getAttribute('aria-pressed') === 'true') return;
      const before = [up.getAttribute('aria-pressed'), down.getAttribute('aria-pressed')] as const;
      up.setAttribute('aria-pressed', String(b === up));
      down.setAttribute('aria-pressed', String(b === down));
      status.textContent = '';
      sending = true;
      send(answerId, b === up ? 'up' : 'down')
        .then(() => {
          status.textContent = 'Thanks for your feedback!';
        })
        .catch(() => {
          up.setAttribute('aria-pressed', before[0]!);
          down.setAttribute('aria-pressed', before[1]!);
          status.textContent = "Couldn't send your feedback.";
        })
        .finally(() => {
          sending = false;
        });
    });
  }
  return group;
}
