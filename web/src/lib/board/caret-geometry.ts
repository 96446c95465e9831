/**
 * Where a character offset of an `<input>` or `<textarea>` is drawn, for showing someone else's
 * caret and selection over a field we do not own the rendering of. `textarea-caret` lays the
 * field's text out in a hidden mirror with the field's font, padding and width (so wrapped lines,
 * Thai and Khmer line breaks and CJK wrap as in the field); this module turns two such points into
 * a caret and one box per selected line, in the field's own coordinates, scrolled as the field is.
 */
import getCaretCoordinates from 'textarea-caret';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CaretGeometry {
  /** The caret (at the selection's head), one line high. */
  caret: Box;
  /** The selected text, one box per line; empty for a caret. */
  selection: Box[];
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Geometry of the selection `anchor`…`head` (offsets in the field's value), or null when the field is not laid out. */
export const caretGeometry = (field: Field, anchor: number, head: number): CaretGeometry | null => {
  if (!field.isConnected || field.offsetParent === null) return null;
  const length = field.value.length;
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  const style = getComputedStyle(field);
  const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4;
  const borderTop = parseFloat(style.borderTopWidth);
  const contentTop = borderTop + parseFloat(style.paddingTop);
  const point = (offset: number) => {
    const p = getCaretCoordinates(field, clamp(offset));
    // The mirror tells where the text's glyph box starts, which sits above or below its line by
    // half the difference between the font's height and the line height (Thai and Khmer fonts
    // are taller than Latin ones): snap to the line, lines being one line height apart. A
    // one-line input centres its line.
    const top =
      field instanceof HTMLInputElement
        ? borderTop + (field.clientHeight - lineHeight) / 2
        : contentTop + Math.max(0, Math.round((p.top - contentTop) / lineHeight)) * lineHeight;
    return { left: p.left - field.scrollLeft, top: top - field.scrollTop };
  };
  const at = point(head);
  const caret = { left: at.left, top: at.top, width: 2, height: lineHeight };
  if (anchor === head) return { caret, selection: [] };

  const from = point(Math.min(anchor, head));
  const to = Math.min(anchor, head) === head ? point(anchor) : at;
  // The content box: where full selected lines start and end.
  const contentLeft = parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
  const contentRight = field.clientWidth + parseFloat(style.borderLeftWidth) - parseFloat(style.paddingRight);
  const selection: Box[] = [];
  if (Math.abs(to.top - from.top) < lineHeight / 2) {
    selection.push({ left: from.left, top: from.top, width: Math.max(2, to.left - from.left), height: lineHeight });
  } else {
    selection.push({ left: from.left, top: from.top, width: Math.max(2, contentRight - from.left), height: lineHeight });
    const middle = to.top - (from.top + lineHeight);
    if (middle > lineHeight / 2) selection.push({ left: contentLeft, top: from.top + lineHeight, width: contentRight - contentLeft, height: middle });
    selection.push({ left: contentLeft, top: to.top, width: Math.max(2, to.left - contentLeft), height: lineHeight });
  }
  return { caret, selection };
};
