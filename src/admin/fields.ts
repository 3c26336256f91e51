/**
 * The editor's own field types, registered with Sveltia CMS as React class components (Sveltia
 * exposes React's `createClass` and `h` on window, so no React of our own is bundled):
 *
 * - `checked`: one of Sveltia's fields (text, box of text, date, toggle), whose value is checked by
 *   the content schema (./checks.ts), so the form shows the schema's own message. With
 *   `suggest: topics` it offers the topics already in use; with `initial` a new entry starts with
 *   that value (a new post starts as a draft, as `npm run new` writes it).
 * - `mdx-components`: a row of buttons that put an MDX component into the article at the cursor.
 *   The article is edited as Markdown text (raw mode), where Sveltia offers no component buttons.
 */
import CMS from '@sveltia/cms';
import { checkValue } from './checks.ts';
import type { MdxComponentName } from '../components/mdx/registry.ts';

/** The parts of React that Sveltia puts on window. */
interface ReactGlobals {
  h: (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
  createClass: (spec: Record<string, unknown>) => unknown;
}

/** The props Sveltia gives a field control; `field` and `entry` are Immutable Maps. */
interface ControlProps {
  value: unknown;
  field: { toJS: () => Record<string, unknown>; get: (key: string) => unknown };
  entry?: { toJS: () => { data?: Record<string, unknown>; path?: string } };
  onChange: (value: unknown) => void;
  forID: string;
}

/** `this` inside a createClass component. */
interface Control {
  props: ControlProps;
  initialised?: boolean;
}

const DATALIST_ID = 'lsbr-topics';

/** Adds a shared list of the topics in use, which topic inputs suggest from. */
function provideTopics(topics: readonly string[]): void {
  if (document.getElementById(DATALIST_ID)) return;
  const list = document.createElement('datalist');
  list.id = DATALIST_ID;
  for (const topic of topics) list.append(new Option(topic, topic));
  document.body.append(list);
}

/** Registers the `checked` field type; `topics` are the topics in use, for `suggest: topics`. */
export function registerCheckedField(topics: readonly string[]): void {
  const { h, createClass } = window as unknown as ReactGlobals;
  provideTopics(topics);
  CMS.registerFieldType(
    'checked',
    createClass({
      componentDidMount(this: Control) {
        // A new entry (it has no file yet) starts with the field's initial value.
        const initial = this.props.field.get('initial');
        if (
          initial === undefined ||
          this.props.entry?.toJS().path ||
          (this.props.value !== undefined && this.props.value !== '')
        )
          return;
        // "today" is the day in the site's time zone ("en-CA" writes it YYYY-MM-DD), as `npm run new` takes it.
        const zone = this.props.field.get('time_zone');
        const timeZone = typeof zone === 'string' ? zone : 'UTC';
        this.props.onChange(
          initial === 'today' ? new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()) : initial,
        );
      },
      isValid(this: Control) {
        const message = checkValue(
          String(this.props.field.get('check')),
          this.props.value,
          this.props.entry?.toJS().data,
        );
        return message ? { error: { message } } : true;
      },
      render(this: Control) {
        const config = this.props.field.toJS();
        const base = String(config['base']);
        // Sveltia's types name React's ComponentType without depending on @types/react, so the
        // control's type does not resolve here; it is only handed on to h().
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
        const control = CMS.getFieldType(base)?.control;
        const inner = h(control, { ...this.props, field: { ...config, widget: base } });
        if (config['suggest'] !== 'topics') return inner;
        // Sveltia's text input, with the browser's own suggestion list attached.
        return h(
          'div',
          { ref: (node: HTMLElement | null) => node?.querySelector('input')?.setAttribute('list', DATALIST_ID) },
          inner,
        );
      },
    }),
  );
}

/** Puts `text` into the article's text box at the cursor, as a block of its own; false if there is none. */
function insertIntoArticle(text: string): boolean {
  const box = document.querySelector<HTMLTextAreaElement>('[data-key-path="body"] textarea');
  if (!box) return false;
  const { selectionStart: start, selectionEnd: end, value } = box;
  const before = value.slice(0, start).replace(/\n*$/, '');
  const after = value.slice(end).replace(/^\n*/, '');
  const block = `${before ? '\n\n' : ''}${text}${after ? '\n\n' : '\n'}`;
  box.setRangeText(block, before.length, value.length - after.length, 'end');
  // Sveltia listens for input events, as it does when the editor types.
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.focus();
  return true;
}

/** Registers `mdx-components`: one button per component, inserting the component's example. */
export function registerComponentButtons(
  components: ReadonlyArray<{ id: MdxComponentName; label: string; snippet: string }>,
): void {
  const { h, createClass } = window as unknown as ReactGlobals;
  CMS.registerFieldType(
    'mdx-components',
    createClass({
      render(this: Control) {
        const buttons = components.map(({ id, label, snippet }) =>
          h(
            'button',
            { key: id, type: 'button', className: 'lsbr-insert', onClick: () => insertIntoArticle(snippet) },
            `Insert ${label}`,
          ),
        );
        return h('div', { id: this.props.forID, role: 'group', className: 'lsbr-insert-row' }, ...buttons);
      },
    }),
  );
}
