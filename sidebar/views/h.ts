/**
 * Preact's `h` for plain elements with plain props (data-*, aria-*, handlers), typed loosely on
 * purpose: the views never pass components, and Preact's per-element prop types reject data-*.
 */
import { type ComponentChildren, h as preactH, type VNode } from "preact";

export type { VNode };

export function h(
  tag: string,
  props: Record<string, unknown> | null,
  ...children: ComponentChildren[]
): VNode {
  return preactH(tag, props, ...children) as unknown as VNode;
}
