import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBrief, parseBriefs, type BriefFile } from './brief.js';
import { BriefError } from './errors.js';

const file = (path: string, text: string | Uint8Array): BriefFile => ({
  path,
  bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
});

/** The problem a bad brief raises, as "file:line: message". */
function problem(f: BriefFile): string {
  try {
    parseBriefs([f]);
  } catch (err) {
    expect(err).toBeInstanceOf(BriefError);
    return (err as BriefError).message;
  }
  throw new Error('expected a BriefError');
}

describe('the seed brief (plain text, AP shape)', () => {
  const seed = parseBriefs([file('000_3f25df5bcd3f84e8.txt', readFileSync('seeds/000_3f25df5bcd3f84e8.txt'))])[0]!;

  it('reads byline, title and a slug id', () => {
    expect(seed.id).toBe('000-3f25df5bcd3f84e8');
    expect(seed.byline).toBe('TA | AP Brief');
    expect(seed.title).toBe('Colombian President optimistic about high-stakes White House meeting with Trump');
    expect(seed.lang).toBe('en');
  });

  it('splits paragraphs into passages with stable ids', () => {
    expect(seed.passages.map((p) => p.id)).toEqual(Array.from({ length: 10 }, (_, i) => `000-3f25df5bcd3f84e8#p${i + 1}`));
    expect(seed.passages[0]!.text).toMatch(/^Colombian President Gustavo Petro said/);
    expect(seed.passages[0]!.text).toMatch(/scheduled for Feb\. 3\.$/);
  });

  it('keeps link text and drops "#" links', () => {
    expect(seed.passages[1]!.text).toContain("revoke Petro's visa and");
    expect(seed.passages.some((p) => p.text.includes(']('))).toBe(false);
    expect(seed.links).toEqual([]);
  });

  it('treats the short unpunctuated line as a section heading for the passages below it', () => {
    expect(seed.passages.slice(0, 6).every((p) => p.section === undefined)).toBe(true);
    expect(seed.passages.slice(6).every((p) => p.section === 'The drug situation')).toBe(true);
    expect(seed.passages.some((p) => p.text === 'The drug situation')).toBe(false);
  });

  it('does not index the pull quote twice', () => {
    expect(seed.passages.filter((p) => /deeply concerned/.test(p.text))).toHaveLength(1);
    expect(seed.passages.some((p) => p.text.startsWith('The US remains'))).toBe(false);
  });

  it('keeps sentence boundaries ("Feb. 3" and "U.S." do not end sentences)', () => {
    const p6 = seed.passages[5]!;
    expect(p6.sentences.map(([s, e]) => p6.text.slice(s, e))).toEqual([
      'According to both governments, the upcoming meeting will pivot from recent tensions toward "common priorities," including trade, joint economic opportunities, and regional security.',
      'Discussions are also expected to focus on intensifying the fight against transnational organized crime.',
    ]);
    expect(seed.passages[0]!.sentences).toHaveLength(1);
  });

  it('gives the same ids on every rebuild', () => {
    const again = parseBriefs([file('000_3f25df5bcd3f84e8.txt', readFileSync('seeds/000_3f25df5bcd3f84e8.txt'))])[0]!;
    expect(again).toEqual(seed);
  });
});

describe('Markdown with front matter', () => {
  const md = `---
id: petro-trump
title: "Petro: optimistic"
date: 2026-01-30
byline: TA | AP Brief
source: AP
url: https://example.org/petro
tags: [colombia, diplomacy]
lang: es
---
# Ignored because the front matter has a title

Colombian President Gustavo Petro said he was optimistic, [per the ministry](https://example.org/ministry).

## Security

The meeting will focus on **security** and *trade*.
`;
  const b = parseBriefs([file('x/petro.md', md)])[0]!;

  it('reads every front-matter field', () => {
    expect(b).toMatchObject({
      id: 'petro-trump',
      title: 'Petro: optimistic',
      date: '2026-01-30',
      byline: 'TA | AP Brief',
      source: 'AP',
      url: 'https://example.org/petro',
      tags: ['colombia', 'diplomacy'],
      lang: 'es',
      file: 'x/petro.md',
    });
  });

  it('keeps real link URLs as metadata and text inline', () => {
    expect(b.links).toEqual([{ text: 'per the ministry', url: 'https://example.org/ministry' }]);
    expect(b.passages[0]!.text).toBe('Colombian President Gustavo Petro said he was optimistic, per the ministry.');
  });

  it('takes the "# " heading as a section when the front matter already gives the title', () => {
    expect(b.passages[0]!.section).toBe('Ignored because the front matter has a title');
  });

  it('uses ## headings as sections and strips emphasis', () => {
    const security = b.passages.find((p) => p.text.includes('security'))!;
    expect(security.section).toBe('Security');
    expect(security.text).toBe('The meeting will focus on security and trade.');
  });

  it('takes the title from "# " when there is no front matter, and the id from the file name', () => {
    const plain = parseBriefs([file('Daily Brief 2026.md', '# Daily brief\n\nOne paragraph here.\n')])[0]!;
    expect(plain.title).toBe('Daily brief');
    expect(plain.id).toBe('daily-brief-2026');
    expect(plain.tags).toEqual([]);
  });

  it('reads the evaluation kit format', () => {
    const rhine = parseBriefs([file('squad2-rhine.md', readFileSync('tests/fixtures/briefs/squad2-rhine.md'))])[0]!;
    expect(rhine.id).toBe('squad2-rhine');
    expect(rhine.title).toBe('Rhine');
    expect(rhine.passages).toHaveLength(44);
  });

  it('accepts a full ISO timestamp and tags as a comma list', () => {
    const t = parseBrief(file('t.md', '---\ntitle: T\ndate: 2026-02-03T14:30:00Z\ntags: a, b\n---\nText.\n'));
    expect(t.date).toBe('2026-02-03T14:30:00Z');
    expect(t.tags).toEqual(['a', 'b']);
  });
});

describe('Markdown constructs', () => {
  /** A Markdown body under front matter giving the title "T" (the id is "m", from the file name). */
  const read = (body: string) => parseBrief(file('m.md', `---\ntitle: T\n---\n${body}`));
  const texts = (body: string) => read(body).passages.map((p) => p.text);

  it('reference links keep their text and their URL; definitions are not passages', () => {
    const b = read('Petro spoke to [the ministry][1] and to [AP][].\n\n[1]: https://example.org/ministry "Ministry"\n[ap]: <https://apnews.com/x>\n');
    expect(b.passages.map((p) => p.text)).toEqual(['Petro spoke to the ministry and to AP.']);
    expect(b.links).toEqual([
      { text: 'the ministry', url: 'https://example.org/ministry' },
      { text: 'AP', url: 'https://apnews.com/x' },
    ]);
  });

  it('a definition may come before its use, and an undefined reference stays as written', () => {
    expect(texts('[x]: https://example.org/x\n\nSee [the report][x].\n\nHe said [so] and [so][].\n')).toEqual(['See the report.', 'He said [so] and [so][].']);
  });

  it("footnote calls copied from a wiki go (they read like our citation markers); a quotation's own brackets stay", () => {
    expect(
      texts(
        'He named him as Taizu.[b] In 1313,[12] the court moved;[citation needed] it was rebuilt.[note 3] It stood.[Note 4]\n\n' +
          'Kenyatta was "[a]ccompanied" by aides who "implore[s] families" (see [a]).\n',
      ),
    ).toEqual([
      'He named him as Taizu. In 1313, the court moved; it was rebuilt. It stood.',
      'Kenyatta was "[a]ccompanied" by aides who "implore[s] families" (see [a]).',
    ]);
  });

  it('links keep their text; only http(s) and mailto URLs are collected, each once', () => {
    const b = read('[One](https://a.example/1), [two](/relative), [three](#frag), <https://b.example/2> and [One](https://a.example/1).\n');
    expect(b.passages[0]!.text).toBe('One, two, three, https://b.example/2 and One.');
    expect(b.links).toEqual([
      { text: 'One', url: 'https://a.example/1' },
      { text: 'https://b.example/2', url: 'https://b.example/2' },
    ]);
  });

  it('a list is one passage, each item a sentence, nested items after their parent', () => {
    const b = read(
      'The budget:\n\n- raises spending on schools\n- cuts the tax on fuel;\n- Funds roads. And bridges!\n  1. Rural roads\n  2. City bridges\n\nAfter the list.\n',
    );
    expect(b.passages.map((p) => p.text)).toEqual([
      'The budget:',
      'raises spending on schools. cuts the tax on fuel. Funds roads. And bridges! Rural roads. City bridges.',
      'After the list.',
    ]);
    expect(b.passages[1]!.sentences.map(([s, e]) => b.passages[1]!.text.slice(s, e)).slice(-3)).toEqual(['And bridges!', 'Rural roads.', 'City bridges.']);
  });

  it('a table is one passage, each body row a sentence of "Header: cell" pairs', () => {
    expect(texts('| Party | Seats | Note |\n| --- | ---: | --- |\n| Labour | 355 | *won* |\n| Conservative | 198 |  |\n')).toEqual([
      'Party: Labour; Seats: 355; Note: won. Party: Conservative; Seats: 198.',
    ]);
  });

  it('emphasis, strong and inline code keep their text; entities and escapes are decoded', () => {
    expect(texts('The **meeting** will _focus_ on `trade` and ***security***, \\*not\\* tariffs &amp; clich&#233;s.\n')).toEqual([
      'The meeting will focus on trade and security, *not* tariffs & clichés.',
    ]);
  });

  it('fenced code blocks are dropped; an indented block is read as a paragraph', () => {
    expect(texts('Before.\n\n```js\nconst x = 1;\n```\n\n    An indented\n    paragraph.\n\nAfter.\n')).toEqual([
      'Before.',
      'An indented paragraph.',
      'After.',
    ]);
  });

  it('headings become the section of the passages after them, setext headings too; "#" after the title is a section', () => {
    const b = parseBrief(file('h.md', '# Title\n\nIntro.\n\n## Background\n\nFirst.\n\nSecond.\n\nReaction\n--------\n\nThird.\n\n# Late\n\nFourth.\n'));
    expect(b.title).toBe('Title');
    expect(b.passages.map((p) => [p.section, p.text])).toEqual([
      [undefined, 'Intro.'],
      ['Background', 'First.'],
      ['Background', 'Second.'],
      ['Reaction', 'Third.'],
      ['Late', 'Fourth.'],
    ]);
  });

  it('a heading keeps its inline text (emphasis, links) and collects its link', () => {
    const b = read('## The *drug* [situation](https://example.org/drugs)\n\nText.\n');
    expect(b.passages[0]!.section).toBe('The drug situation');
    expect(b.links).toEqual([{ text: 'situation', url: 'https://example.org/drugs' }]);
  });

  it('HTML blocks, comments and thematic breaks are dropped; inline tags go, their text stays', () => {
    expect(texts('<div class="ad">\nBuy now\n</div>\n\n<!-- editor: check -->\n\nA <b>bold</b> claim,<br>then more.\n\n---\n\nEnd.\n')).toEqual([
      'A bold claim, then more.',
      'End.',
    ]);
  });

  it('angle brackets around a name that is no HTML element stay as text (wire copy: "<Carsey-Werner Co>", tickers)', () => {
    expect(texts('A judge denied the motion of <Carsey-Werner Co> for an injunction against Kodak <EK>, <em>in full</em>.\n')).toEqual([
      'A judge denied the motion of <Carsey-Werner Co> for an injunction against Kodak <EK>, in full.',
    ]);
  });

  it('images are dropped, alt text and URL alike; a paragraph of only an image is no passage', () => {
    const b = read('![Petro at the White House](https://example.org/p.jpg)\n\nPetro ![photo](https://example.org/q.jpg) spoke.\n');
    expect(b.passages.map((p) => p.text)).toEqual(['Petro spoke.']);
    expect(b.links).toEqual([]);
  });

  it('blockquotes are read as their paragraphs; lines of a paragraph join with one space', () => {
    expect(texts('> "We are optimistic,"\n> the minister said.\n>\n> Talks start Monday.\n')).toEqual([
      '"We are optimistic," the minister said.',
      'Talks start Monday.',
    ]);
  });

  it('passages keep the same ids and paragraph numbers as before for plain paragraphs', () => {
    const b = read('One.\n\nTwo,\nstill two.\n\nThree.\n');
    expect(b.passages.map((p) => [p.id, p.n, p.text])).toEqual([
      ['m#p1', 1, 'One.'],
      ['m#p2', 2, 'Two, still two.'],
      ['m#p3', 3, 'Three.'],
    ]);
  });
});

describe('bad input names the file and line', () => {
  it.each([
    ['empty file', file('empty.md', '\n  \n'), /^empty\.md:1: empty file/],
    ['no title', file('notitle.md', '---\nid: x\n---\nText.\n'), /^notitle\.md:4: no title/],
    ['unclosed front matter', file('open.md', '---\ntitle: T\nText\n'), /^open\.md:1: front matter is not closed/],
    ['broken YAML', file('yaml.md', '---\ntitle: T\ntags: [a, b\ndate: 2026-01-01\n---\nText.\n'), /^yaml\.md:\d+: broken front matter/],
    ['invalid date', file('date.md', '---\ntitle: T\nid: d\ndate: 2026-02-30\n---\nText.\n'), /^date\.md:4: invalid date "2026-02-30"/],
    ['not a date at all', file('date2.md', '---\ntitle: T\ndate: next Tuesday\n---\nText.\n'), /^date2\.md:3: invalid date/],
    ['invalid url', file('url.md', '---\ntitle: T\nurl: not a url\n---\nText.\n'), /^url\.md:3: invalid url/],
    ['invalid id', file('id.md', '---\nid: "has spaces"\ntitle: T\n---\nText.\n'), /^id\.md:2: invalid id/],
    ['title but no paragraphs', file('bare.txt', 'Just a title\n'), /^bare\.txt:\d+: brief "Just a title" has a title but no paragraphs/],
  ])('%s', (_name, f, expected) => {
    expect(problem(f)).toMatch(expected);
  });

  it('non-UTF-8 bytes, with the line they are on', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Title\n\nCaf'), 0xe9, ...new TextEncoder().encode(' au lait.\n')]);
    expect(problem(file('latin1.txt', bytes))).toMatch(/^latin1\.txt:3: not UTF-8 \(invalid byte 0xe9/);
  });

  it('duplicate ids across files', () => {
    try {
      parseBriefs([file('a.md', '---\nid: same\ntitle: A\n---\nText.\n'), file('b.md', '---\ntitle: B\nid: same\n---\nText.\n')]);
      throw new Error('expected a BriefError');
    } catch (err) {
      expect((err as Error).message).toBe('b.md:3: duplicate brief id "same" (also used by a.md)');
    }
  });

  it('reports every bad file at once', () => {
    try {
      parseBriefs([file('ok.md', '# OK\n\nText.\n'), file('e1.md', ''), file('e2.md', '---\ntitle: T\ndate: 2026-13-01\n---\nText.\n')]);
      throw new Error('expected a BriefError');
    } catch (err) {
      expect((err as BriefError).problems.map((p) => `${p.file}:${p.line}`)).toEqual(['e1.md:1', 'e2.md:3']);
    }
  });

  it('reports every problem of one file, not just the first, in line order', () => {
    try {
      parseBriefs([file('bad.md', '---\nid: Bad Id!\ndate: 2026-02-30\nurl: not a url\ntags: 7\n---\n\nText without a title line.\n')]);
      throw new Error('expected a BriefError');
    } catch (err) {
      const problems = (err as BriefError).problems;
      expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 7]);
      expect(problems.map((p) => p.message.split(' ')[0] + ' ' + p.message.split(' ')[1])).toEqual([
        'invalid id',
        'invalid date',
        'invalid url',
        'invalid tags:',
        'no title:',
      ]);
    }
  });
});

describe('front matter for the life of a story', () => {
  const story = (path: string, meta: string, body = 'Text.') => file(path, `---\ntitle: ${path}\n${meta}\n---\n${body}\n`);

  it('reads updated, expires and updates/supersedes (one id or a list)', () => {
    const [a, b, c] = parseBriefs([
      story('a.md', 'id: a\ndate: 2026-01-30'),
      story('b.md', 'id: b\ndate: 2026-02-01\nupdated: 2026-02-02T09:00:00Z\nexpires: 2026-03-01\nupdates: a'),
      story('c.md', 'id: c\ndate: 2026-02-03\nsupersedes: [a, b]'),
    ]);
    expect(a).not.toHaveProperty('supersedes');
    expect(b).toMatchObject({ date: '2026-02-01', updated: '2026-02-02T09:00:00Z', expires: '2026-03-01', supersedes: ['a'] });
    expect(c!.supersedes).toEqual(['a', 'b']);
  });

  it('reads front matter above an AP-shape .txt brief, whose body stays plain text (byline, title line)', () => {
    // The seed itself: its front matter gives only the date.
    const [b] = parseBriefs([file('seed.txt', readFileSync('seeds/000_3f25df5bcd3f84e8.txt'))]);
    expect(b).toMatchObject({
      date: '2026-01-30',
      byline: 'TA | AP Brief',
      title: 'Colombian President optimistic about high-stakes White House meeting with Trump',
    });
    expect(b!.passages).toHaveLength(10);
  });

  it('does not read the title line of an AP-shape .txt brief twice when the front matter repeats it', () => {
    const [b] = parseBriefs([
      file(
        't.txt',
        '---\ntitle: Petro visit pushed back\ndate: 2026-02-01\n---\nBy: AP\n\nPetro visit pushed back\n\nThe visit will now take place on Feb. 10.\n',
      ),
    ]);
    expect(b).toMatchObject({ title: 'Petro visit pushed back', byline: 'AP' });
    expect(b!.passages.map((p) => p.text)).toEqual(['The visit will now take place on Feb. 10.']);
  });

  it.each([
    ['an updated date before the date', story('u.md', 'date: 2026-02-01\nupdated: 2026-01-01'), /^u\.md:4: "updated" \(2026-01-01\) is before "date"/],
    ['updated without a date', story('u2.md', 'updated: 2026-01-01'), /^u2\.md:3: "updated" needs a "date" too/],
    ['an invalid expires date', story('e.md', 'expires: soon'), /^e\.md:3: invalid date "soon"/],
    ['an updates link that is not an id', story('l.md', 'updates: "not an id!"'), /^l\.md:3: invalid updates/],
    ['a link to a brief that does not exist', story('m.md', 'supersedes: [nowhere]'), /^m\.md:3: "updates"\/"supersedes" names no brief: "nowhere"/],
  ])('rejects %s, naming file and line', (_name, f, expected) => {
    expect(problem(f)).toMatch(expected);
  });
});
