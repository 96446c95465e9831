/**
 * Cities typed as text, one per line: "Chengdu, China". Lines that match a known city (the demo
 * seminar's, or the previous list) keep its native name and language.
 */
import type { City } from '$lib/api';

export const formatCity = (city: City): string => (city.country ? `${city.en}, ${city.country}` : city.en);

export const formatCityLines = (cities: readonly City[]): string => cities.map(formatCity).join('\n');

export const parseCity = (line: string, known: readonly City[] = []): City | null => {
  const text = line.trim();
  if (!text) return null;
  const match = known.find((c) => formatCity(c).toLowerCase() === text.toLowerCase() || c.en.toLowerCase() === text.toLowerCase());
  if (match) return { ...match };
  const comma = text.lastIndexOf(',');
  if (comma <= 0) return { en: text };
  const en = text.slice(0, comma).trim();
  const country = text.slice(comma + 1).trim();
  return country ? { en, country } : { en };
};

/** Unique by English name, in the order typed. */
export const parseCityLines = (text: string, known: readonly City[] = []): City[] => {
  const seen = new Set<string>();
  const cities: City[] = [];
  for (const line of text.split('\n')) {
    const city = parseCity(line, known);
    if (!city || seen.has(city.en.toLowerCase())) continue;
    seen.add(city.en.toLowerCase());
    cities.push(city);
  }
  return cities;
};

export const parseLines = (text: string): string[] => [
  ...new Set(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
  )
];
