// The public survey answer page, /answer/{token}: no sign-in, no framework (it must stay small), plain
// form controls so it works with a keyboard, a screen reader and on a phone.
import './answer.css';
import { type Language, pickLanguage, problemText, TEXTS, type Texts } from './texts';

interface Question {
  kind: string;
  question: string;
  commentQuestion?: string | null;
  scale: { min: number; max: number };
  expiresAt?: string;
}

const root = document.getElementById('answer')!;
const token = decodeURIComponent(window.location.pathname.replace(/^\/answer\//, '').replace(/\/$/, ''));
const endpoint = `/public/v1/responses/${encodeURIComponent(token)}`;
let language: Language = pickLanguage(window.location.search, navigator.languages ?? []);
let question: Question | null = null;
let final: { text: string; kind: 'ok' | 'error' } | null = null;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

function texts(): Texts {
  return TEXTS[language];
}

function languageSwitch() {
  const group = element('div', { class: 'languages', role: 'group', 'aria-label': texts().language });
  for (const option of ['de', 'en'] as Language[]) {
    const button = element('button', { type: 'button', lang: option, 'aria-pressed': String(option === language), text: option.toUpperCase() });
    button.addEventListener('click', () => {
      language = option;
      render();
    });
    group.append(button);
  }
  return group;
}

function ends(kind: string): [string, string] {
  const t = texts();
  if (kind === 'ces') return [t.cesLow, t.cesHigh];
  if (kind === 'csat') return [t.csatLow, t.csatHigh];
  return [t.scaleLow, t.scaleHigh];
}

function form(q: Question) {
  const t = texts();
  const [low, high] = ends(q.kind);
  const legendId = 'score-legend';
  const fieldset = element('fieldset', { class: 'scale', 'aria-describedby': 'scale-ends' },
    element('legend', { id: legendId, text: q.question }));
  const options = element('div', { class: 'options' });
  for (let value = q.scale.min; value <= q.scale.max; value++) {
    const id = `score-${value}`;
    const input = element('input', { type: 'radio', name: 'score', id, value: String(value) });
    options.append(element('span', { class: 'option' }, input, element('label', { for: id, text: String(value) })));
  }
  fieldset.append(options, element('p', { id: 'scale-ends', class: 'ends' },
    element('span', { text: `${q.scale.min} = ${low}` }), element('span', { text: `${q.scale.max} = ${high}` })));
  const children: Node[] = [fieldset];
  if (q.commentQuestion !== undefined) {
    const label = q.commentQuestion || t.comment;
    children.push(element('label', { for: 'comment', class: 'comment-label', text: label }),
      element('textarea', { id: 'comment', name: 'comment', rows: '4', maxlength: '5000' }));
  }
  const status = element('p', { id: 'form-status', role: 'alert', class: 'problem' });
  const submit = element('button', { type: 'submit', text: t.submit });
  children.push(status, submit);
  if (q.expiresAt) {
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(q.expiresAt));
    children.push(element('p', { class: 'hint', text: t.expires.replace('{date}', date) }));
  }
  const node = element('form', { novalidate: '' }, ...children);
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = node.querySelector<HTMLInputElement>('input[name="score"]:checked');
    if (!chosen) {
      status.textContent = t.pick;
      node.querySelector<HTMLInputElement>('input[name="score"]')?.focus();
      return;
    }
    const comment = node.querySelector<HTMLTextAreaElement>('#comment')?.value.trim();
    submit.setAttribute('disabled', '');
    submit.textContent = t.sending;
    void send(Number(chosen.value), comment || undefined).then((problem) => {
      if (problem === null) return;
      status.textContent = problem;
      submit.removeAttribute('disabled');
      submit.textContent = t.submit;
    });
  });
  return node;
}

/** Sends the answer; null when the page moved on to a final message, else the words for the problem. */
async function send(score: number, comment: string | undefined): Promise<string | null> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      // The header lets the answer through when the browser also holds a staff session (CSRF guard).
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Kreis-CSRF': '1' },
      body: JSON.stringify({ score, comment }),
    });
    if (response.ok) {
      final = { text: texts().thanks, kind: 'ok' };
      render();
      return null;
    }
    const problem = await response.json().catch(() => ({}));
    if (response.status === 410 || response.status === 404) {
      final = { text: problemText(texts(), response.status), kind: 'error' };
      render();
      return null;
    }
    const detail = (problem.errors as { field: string; message: string }[] | undefined)?.map((error) => `${error.field} ${error.message}`).join('; ') ?? problem.detail;
    return problemText(texts(), response.status, detail);
  } catch {
    return texts().failed;
  }
}

function render() {
  const t = texts();
  document.documentElement.lang = language;
  document.title = `${t.title} – Kreis`;
  const body: Node[] = [languageSwitch(), element('h1', { text: t.title })];
  if (final) {
    body.push(element('p', { role: final.kind === 'ok' ? 'status' : 'alert', class: `final ${final.kind}`, text: final.text }));
  } else if (question) {
    body.push(form(question));
  } else {
    body.push(element('p', { role: 'status', text: t.loading }));
  }
  root.replaceChildren(...body);
}

async function load() {
  render();
  try {
    const response = await fetch(endpoint, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      final = { text: problemText(texts(), response.status), kind: 'error' };
    } else {
      question = (await response.json()) as Question;
    }
  } catch {
    final = { text: texts().failed, kind: 'error' };
  }
  render();
}

void load();
