/**
 * Remembers what `make` returned for each list of arguments (compared by value: language tags and
 * plain options objects). For Intl objects, which are costly to make — a page's first of a kind
 * loads ICU's data, tens of milliseconds on a phone — and never change.
 */
export const memo = <Args extends unknown[], T>(make: (...args: Args) => T): ((...args: Args) => T) => {
  const made = new Map<string, T>();
  return (...args) => {
    const key = JSON.stringify(args);
    if (made.has(key)) return made.get(key) as T;
    const value = make(...args);
    made.set(key, value);
    return value;
  };
};
