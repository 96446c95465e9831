/**
 * The placeholders of an ICU message, as a comparable signature: every argument with its type
 * (`name:plural`, `city:argument`, …) and, for `select`, its options (a translation must offer the
 * same choices). Plural categories may differ by language (Russian has `few` and `many`), so only
 * the argument and its type are compared for plurals.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const TYPE_NAMES: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'argument',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
  [TYPE.tag]: 'tag'
};

const collect = (elements: MessageFormatElement[], into: Set<string>): void => {
  for (const element of elements) {
    const type = TYPE_NAMES[element.type];
    if ('value' in element && type && typeof element.value === 'string') {
      const kind = element.type === TYPE.plural && element.pluralType === 'ordinal' ? 'selectordinal' : type;
      into.add(`${element.value}:${kind}`);
    }
    if (element.type === TYPE.select) {
      into.add(`${element.value}:select[${Object.keys(element.options).sort().join('|')}]`);
    }
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) collect(option.value, into);
    }
    if (element.type === TYPE.tag) collect(element.children, into);
  }
};

/** Sorted signature of a message's placeholders; throws on a message that does not parse. */
export const placeholderSignature = (message: string): string[] => {
  const found = new Set<string>();
  collect(parse(message), found);
  return [...found].sort();
};
