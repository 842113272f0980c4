/**
 * A tiny element builder. Strings always become text nodes, attributes are set one by one and
 * event-handler attributes are refused, so data can never be parsed as HTML.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  type?: string;
  value?: string;
  disabled?: boolean;
  checked?: boolean;
  selected?: boolean;
  attrs?: Record<string, string>;
  on?: Partial<Record<keyof HTMLElementEventMap, (ev: Event) => void>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props) {
    if (props.class) node.className = props.class;
    if (props.title !== undefined) node.title = props.title;
    const n = node as unknown as {
      type?: string;
      value?: string;
      disabled?: boolean;
      checked?: boolean;
      selected?: boolean;
    };
    if (props.type !== undefined) n.type = props.type;
    if (props.value !== undefined) n.value = props.value;
    if (props.disabled !== undefined) n.disabled = props.disabled;
    if (props.checked !== undefined) n.checked = props.checked;
    if (props.selected !== undefined) n.selected = props.selected;
    for (const [name, v] of Object.entries(props.attrs ?? {})) {
      if (/^on/i.test(name)) throw new Error(`refusing event attribute ${name}`);
      node.setAttribute(name, v);
    }
    for (const [event, fn] of Object.entries(props.on ?? {})) {
      if (fn) node.addEventListener(event, fn);
    }
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" || typeof c === "number" ? text(String(c)) : c);
  }
}

export function text(s: string): Text {
  return document.createTextNode(s);
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Node, children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}
