import { strings } from './i18n.js';
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderFeedback, type Rating } from './feedback.js';

const ID = 'q1V3m0n8T2yJrj0rLw8H3A';
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('renderFeedback', () => {
  it('offers two named toggle buttons in a labelled group', () => {
    const group = renderFeedback(document, strings(), ID, async () => {});
    expect(group.getAttribute('role')).toBe('group');
    expect(group.getAttribute('aria-label')).toBe('Was this answer helpful?');
    const buttons = Array.from(group.querySelectorAll('button'));
    expect(buttons.map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-pressed'), b.type])).toEqual([
      ['Helpful', 'false', 'button'],
      ['Not helpful', 'false', 'button'],
    ]);
  });

  it('sends the vote, marks the pressed button and thanks the reader; a second vote changes it', async () => {
    const sent: [string, Rating][] = [];
    const group = renderFeedback(document, strings(), ID, async (id, rating) => {
      sent.push([id, rating]);
    });
    const [up, down] = Array.from(group.querySelectorAll('button'));
    down!.click();
    await tick();
    expect(sent).toEqual([[ID, 'down']]);
    expect([up!.getAttribute('aria-pressed'), down!.getAttribute('aria-pressed')]).toEqual(['false', 'true']);
    expect(group.querySelector('.status')!.textContent).toBe('Thanks for your feedback!');
    down!.click(); // already pressed: nothing sent again
    up!.click();
    await tick();
    expect(sent).toEqual([
      [ID, 'down'],
      [ID, 'up'],
    ]);
    expect([up!.getAttribute('aria-pressed'), down!.getAttribute('aria-pressed')]).toEqual(['true', 'false']);
  });

  it('undoes a vote that could not be sent, and says so', async () => {
    const group = renderFeedback(document, strings(), ID, () => Promise.reject(new Error('offline')));
    const up = group.querySelector('button')!;
    up.click();
    expect(up.getAttribute('aria-pressed')).toBe('true');
    await tick();
    expect(up.getAttribute('aria-pressed')).toBe('false');
    expect(group.querySelector('.status')!.textContent).toBe("Couldn't send your feedback.");
  });
});
