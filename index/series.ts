import type { Figure, FigureKind } from "../core/types";
import { foldPhrase, reportSynonymGroups } from "./glossary";

/**
 * Series: the figures of one measure across reports. A figure's key is its measure normalized (folded,
 * synonyms to one wording, auxiliaries dropped) with its kind, currency, per and whether it is a goal, a
 * change, a projection or an earlier value, so `cấp` ≠ `phê duyệt` ≠ `kích hoạt` and a goal never joins
 * the results. Keys that differ only by wording a report adds (`hồ sơ khách hàng cá nhân được đổi chiếu
 * thông tin sinh trắc học` / `hồ sơ khách hàng được đối chiếu sinh trắc học`) are joined when the counted
 * noun and the action agree and the reports differ.
 */
export interface Series {
  key: string;
  /** The newest point's measure, as a label. */
  measure: string;
  kind: FigureKind;
  unit?: string;
  per?: string;
  /** Every figure of the series, newest first. */
  figureIds: string[];
}

/** What series building needs beyond the figure: the counted noun and the action of its measure. */
export interface MeasureParts {
  head: string;
  action: string;
}

/** Grammatical words that say nothing about what is counted: dropped from keys. */
const DROPPED_WORDS = new Set(["da", "dang", "se", "duoc", "cac", "nhung", "hien", "nay", "toan", "quoc"]);
/** Words too common to tell two measures apart when comparing them. */
const COMMON_WORDS = new Set([
  "cua",
  "va",
  "voi",
  "qua",
  "hoac",
  "tai",
  "tren",
  "trong",
  "cho",
  "theo",
  "ve",
  "co",
  "la",
  "de",
  "tu",
  "den",
  "so",
]);
/** Rate words lead a percentage's measure; the counted noun follows them. */
const RATE_WORDS = new Set(["ty", "le", "trong", "toc", "do", "muc", "chi"]);
/** Administrative units that alone say nothing about what is counted: never joined across reports on their own. */
const GENERIC_WORDS = new Set([
  "tinh",
  "thanh",
  "pho",
  "dia",
  "phuong",
  "bo",
  "nganh",
  "don",
  "vi",
  "ho",
  "so",
  "du",
  "lieu",
  "nguoi",
  "co",
  "quan",
  "doanh",
  "thu",
  "tien",
]);
const NEGATIONS = new Set(["chua", "khong"]);
/** Prepositions that open a noun's owner or place, not a predicate. */
const OWNER_PREPOSITIONS = new Set(["cua", "tai", "o", "thuoc"]);
/** First syllables of lead verbs that wrap the action they introduce (`triển khai`, `thực hiện`, `đẩy mạnh`). */
const WRAPPING_VERBS = new Set(["trien", "thuc", "hoan", "tiep", "day", "to"]);
/** Classifier nouns a report may put before a wording or leave out (`thẻ căn cước công dân`). */
const CLASSIFIERS = new Set(["the"]);
/** Two reports' values of one measure stay within this factor; beyond the near factor the wording must match fully. */
const MAX_VALUE_FACTOR = 20;
const NEAR_VALUE_FACTOR = 5;
const MIN_CONTAINMENT = 0.7;

interface Canonical {
  /** First folded word → the wordings starting with it (longest first) and the wording keys use for each. */
  byFirstWord: Map<string, Array<{ words: string[]; canonical: string }>>;
}

let canonical: Canonical | undefined;

/** Union of the glossary's synonym groups: a wording in two groups joins them. */
function canonicalWordings(): Canonical {
  if (canonical) return canonical;
  const parent = new Map<string, string>();
  const find = (wording: string): string => {
    let root = wording;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(wording, root);
    return root;
  };
  for (const group of reportSynonymGroups()) {
    for (const wording of group) if (!parent.has(wording)) parent.set(wording, wording);
    const [first, ...rest] = group;
    if (first) for (const wording of rest) parent.set(find(wording), find(first));
  }
  const members = new Map<string, string[]>();
  for (const wording of parent.keys())
    members.set(find(wording), [...(members.get(find(wording)) ?? []), wording]);
  const byFirstWord = new Map<string, Array<{ words: string[]; canonical: string }>>();
  for (const group of members.values()) {
    const shortest = [...group].sort((a, b) => a.length - b.length || a.localeCompare(b))[0] ?? "";
    for (const wording of group) {
      if (wording.length < 2) continue;
      const words = wording.split(" ");
      const first = words[0] ?? "";
      byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { words, canonical: shortest }]);
    }
  }
  for (const entries of byFirstWord.values()) entries.sort((a, b) => b.words.length - a.words.length);
  canonical = { byFirstWord };
  return canonical;
}

const normalizedCache = new Map<string, string[]>();
const NORMALIZED_CACHE_LIMIT = 20_000;

/** The folded words of a phrase with synonyms replaced by one wording (longest match first) and auxiliaries dropped. */
export function normalizedWords(phrase: string): string[] {
  const cached = normalizedCache.get(phrase);
  if (cached) return cached;
  const { byFirstWord } = canonicalWordings();
  const words = foldPhrase(phrase).split(" ").filter(Boolean);
  const out: string[] = [];
  const matchAt = (at: number) =>
    (byFirstWord.get(words[at] ?? "") ?? []).find((entry) =>
      entry.words.every((word, offset) => words[at + offset] === word),
    );
  for (let at = 0; at < words.length; ) {
    let match = matchAt(at);
    let skip = 0;
    // `thẻ căn cước công dân gắn chip`: a classifier before a longer wording (`căn cước công dân gắn
    // chip`) is dropped so the longer wording wins over `thẻ căn cước công dân` + `gắn chip`.
    if (CLASSIFIERS.has(words[at] ?? "")) {
      const after = matchAt(at + 1);
      if (after && after.words.length + 1 > (match?.words.length ?? 0)) {
        match = after;
        skip = 1;
      }
    }
    if (match) {
      out.push(...match.canonical.split(" "));
      at += match.words.length + skip;
    } else {
      out.push(words[at] ?? "");
      at++;
    }
  }
  const result = out.filter((word) => word && !DROPPED_WORDS.has(word));
  if (normalizedCache.size >= NORMALIZED_CACHE_LIMIT) normalizedCache.clear();
  normalizedCache.set(phrase, result);
  return result;
}

function currencyOf(unit: string | undefined): string {
  if (!unit) return "";
  const folded = foldPhrase(unit.split("/")[0] ?? "");
  if (/^(usd|do|do la)$/.test(folded)) return "usd";
  return "vnd";
}

function variantOf(figure: Figure): string {
  if (figure.target) return "~muc-tieu";
  if (figure.change) return "~thay-doi";
  if (figure.earlier) return "~truoc-day";
  if (figure.projected) return "~du-kien";
  return "";
}

/** Kind, currency and per: figures that differ in these never share a series. */
function kindPartOf(figure: Figure): string {
  const currency = figure.kind === "money" ? `-${currencyOf(figure.unit)}` : "";
  const per = figure.per ? `/${foldPhrase(figure.per).replace(/ /g, "-")}` : "";
  return `${figure.kind}${currency}${per}`;
}

/** Everything but the wording: kind, currency, per and whether the figure is a result at all. */
function frameOf(figure: Figure): string {
  return `${kindPartOf(figure)}${variantOf(figure)}`;
}

/** `count:tai-khoan-dinh-danh-phe-duyet`: the key of a figure's own measure. */
export function seriesKeyOf(figure: Figure): string {
  return `${kindPartOf(figure)}:${normalizedWords(figure.measure).join("-")}${variantOf(figure)}`;
}

interface Group {
  key: string;
  frame: string;
  /** Content words of the measure, as printed and with synonyms made one. */
  words: Set<string>;
  head: string;
  /** The counted noun's words (synonyms made one). */
  noun: string;
  /** Whose the measure is (`của Bộ Công an`), folded; empty when the measure names no body. */
  owner: string;
  /** What is said of the noun first (`chi` of `đã được chi trả`, `co` of `đã có tài khoản`). */
  predicateHead: string;
  /** The measure's words as printed, for comparing wordings without synonyms. */
  printed: Set<string>;
  action: string;
  negated: boolean;
  figures: Figure[];
  docs: Set<string>;
  /** The measure's words are all administrative units: too vague to join other reports. */
  generic: boolean;
}

function contentWords(words: string[]): string[] {
  return words.filter((word) => word && !COMMON_WORDS.has(word) && !DROPPED_WORDS.has(word));
}

/** The first word said of the noun after an auxiliary (`đã được chi trả` → `chi`), or after the noun. */
function predicateHeadOf(measure: string, noun: string): string {
  const folded = foldPhrase(measure).split(" ");
  const auxiliary = folded.findIndex((word) => /^(?:da|dang|duoc|chua|se)$/u.test(word));
  let at = auxiliary !== -1 ? auxiliary : foldPhrase(noun).split(" ").length - 1;
  // Auxiliaries and purpose words (`nhằm khuyến khích`, `để khuyến khích`) come before what is said.
  while (at + 1 < folded.length && /^(?:da|dang|duoc|se|hien|nham|de)$/u.test(folded[at + 1] ?? "")) at++;
  const head = auxiliary === -1 && at + 1 >= folded.length ? "" : (folded[at + 1] ?? "");
  // `thửa đất của đơn vị …`: a preposition says whose, not what is said of the noun.
  return OWNER_PREPOSITIONS.has(head) ? "" : head;
}

/** `… của Bộ Công an`, `… tại Hà Nội`: a body or place the measure belongs to; the project itself is not one. */
const OWNER = /\s(?:của|tại|do)\s+((?:các\s+)?\p{Lu}[^;()]*)$/u;

function ownerOf(measure: string): string {
  const found = OWNER.exec(measure.replace(/\s*\([^()]*\)\s*$/u, ""))?.[1] ?? "";
  // `của Y tế, Xây dựng` names two bodies; `của Hà Nội, tăng …` ends the name at the comma.
  const segments = found.split(/\s*,\s*/u);
  const owner = segments.every((segment) => /^\p{Lu}/u.test(segment)) ? found : (segments[0] ?? "");
  return /^(?:Đề án|Chính phủ|Cơ sở dữ liệu|CSDL)/u.test(owner) ? "" : normalizedWords(owner).join(" ");
}

function headOf(parts: MeasureParts): string {
  const words = normalizedWords(parts.head);
  let at = 0;
  while (at < words.length && RATE_WORDS.has(words[at] ?? "")) at++;
  return words.slice(at, at + 2).join(" ");
}

function valueFactor(left: Group, right: Group): number {
  if (left.figures[0]?.kind === "percent") return 1;
  const values = [...left.figures, ...right.figures]
    .map((figure) => Math.abs(figure.value))
    .filter((value) => value > 0);
  if (values.length === 0) return 1;
  return Math.max(...values) / Math.min(...values);
}

/**
 * How alike two groups from different reports are (0 when they are not one measure): frame, counted noun,
 * action, owner and negation must agree, and most of the smaller measure's words appear in the larger.
 */
function similarity(left: Group, right: Group): number {
  if (left.frame !== right.frame || left.head !== right.head || left.action !== right.action) return 0;
  if (left.negated !== right.negated || left.generic || right.generic || left.owner !== right.owner) return 0;
  if (!left.head || [...left.docs].some((doc) => right.docs.has(doc))) return 0;
  if (left.key === right.key) return 2;
  // What is said of the noun must agree, unless one measure only wraps the other's verb in a lead verb
  // (`triển khai giải pháp thu phí …` holds `thu phí …`).
  const wraps = (outer: Group, inner: Group) =>
    WRAPPING_VERBS.has(outer.predicateHead) && outer.printed.has(inner.predicateHead);
  if (
    left.predicateHead &&
    right.predicateHead &&
    left.predicateHead !== right.predicateHead &&
    !wraps(left, right) &&
    !wraps(right, left)
  )
    return 0;
  const headWords = new Set(left.head.split(" "));
  // Synonyms join `tài khoản VNeID` and `tài khoản định danh`; the printed words keep `đối chiếu sinh trắc
  // học` close to `đổi chiếu thông tin sinh trắc học`: the closer of the two comparisons counts.
  const compare = (leftSet: Set<string>, rightSet: Set<string>) => {
    const leftWords = [...leftSet].filter((word) => !headWords.has(word));
    const rightWords = new Set([...rightSet].filter((word) => !headWords.has(word)));
    const smaller = Math.min(leftWords.length, rightWords.size);
    const shared = leftWords.filter((word) => rightWords.has(word)).length;
    const union = new Set([...leftWords, ...rightWords]).size;
    return {
      containment: smaller === 0 ? (leftWords.length === rightWords.size ? 1 : 0) : shared / smaller,
      overlap: union === 0 ? 1 : shared / union,
    };
  };
  const normalized = compare(left.words, right.words);
  const printed = compare(left.printed, right.printed);
  const { containment, overlap } = normalized.containment >= printed.containment ? normalized : printed;
  const factor = valueFactor(left, right);
  if (factor > MAX_VALUE_FACTOR) return 0;
  // Far-apart values must be the same counted noun in the same, specific words.
  const specific = Math.min(left.words.size, right.words.size) - left.head.split(" ").length >= 2;
  if (factor > NEAR_VALUE_FACTOR && (containment < 1 || left.noun !== right.noun || !specific)) return 0;
  if (containment < MIN_CONTAINMENT) return 0;
  return containment * 0.5 + overlap * 0.5;
}

const newestFirst = (a: Figure, b: Figure) => b.asOf.localeCompare(a.asOf) || a.id.localeCompare(b.id);

function toSeries(group: Group): Series {
  const figures = [...group.figures].sort(newestFirst);
  const newest = figures[0] as Figure;
  const units = figures.map((figure) => figure.unit).filter((unit): unit is string => Boolean(unit));
  return {
    key: group.key,
    measure: newest.measure,
    kind: newest.kind,
    ...(units[0] ? { unit: units[0] } : {}),
    ...(newest.per ? { per: newest.per } : {}),
    figureIds: figures.map((figure) => figure.id),
  };
}

function groupOf(key: string, figure: Figure, measure: MeasureParts): Group {
  const words = contentWords(normalizedWords(figure.measure));
  return {
    key,
    frame: frameOf(figure),
    words: new Set(words),
    head: headOf(measure),
    noun: normalizedWords(measure.head).join(" "),
    owner: ownerOf(figure.measure),
    predicateHead: predicateHeadOf(figure.measure, measure.head),
    printed: new Set(contentWords(foldPhrase(figure.measure).split(" "))),
    action: normalizedWords(measure.action).join(" "),
    negated: words.some((word) => NEGATIONS.has(word)),
    figures: [figure],
    docs: new Set([figure.docId]),
    generic: words.every((word) => GENERIC_WORDS.has(word) || RATE_WORDS.has(word)),
  };
}

/**
 * A report's figures under one key: one group when they print one value (a figure repeated in a footnote),
 * else one group each, keyed apart, since the key is too vague to tell them apart.
 */
function reportGroups(key: string, items: Array<{ figure: Figure; measure: MeasureParts }>): Group[] {
  const values = new Set(items.map(({ figure }) => `${figure.values.join("/")}|${figure.asOf}`));
  if (values.size === 1) {
    const [first, ...rest] = items;
    if (!first) return [];
    const group = groupOf(key, first.figure, first.measure);
    group.figures.push(...rest.map(({ figure }) => figure));
    return [group];
  }
  return items.map(({ figure, measure }) => groupOf(`${key}#${figure.id.split(":").pop()}`, figure, measure));
}

/**
 * Joins groups from different reports that are one measure, most alike first, so a report's figure joins
 * the series it matches best; a join never puts two figures of one report in a series.
 */
function joinReports(groups: Group[]): Group[] {
  const pairs: Array<{ left: Group; right: Group; score: number }> = [];
  const byFrame = new Map<string, Group[]>();
  for (const group of groups) {
    if (group.key.includes("#")) continue;
    const bucket = `${group.frame}|${group.head}`;
    byFrame.set(bucket, [...(byFrame.get(bucket) ?? []), group]);
  }
  for (const bucket of byFrame.values()) {
    bucket.forEach((left, index) => {
      for (const right of bucket.slice(index + 1)) {
        const score = similarity(left, right);
        if (score > 0) pairs.push({ left, right, score });
      }
    });
  }
  pairs.sort((a, b) => b.score - a.score || a.left.key.localeCompare(b.left.key));
  const into = new Map<Group, Group>();
  const rootOf = (group: Group): Group => {
    let root = group;
    while (into.get(root)) root = into.get(root) as Group;
    return root;
  };
  for (const { left, right } of pairs) {
    const a = rootOf(left);
    const b = rootOf(right);
    if (a === b || [...a.docs].some((doc) => b.docs.has(doc)) || valueFactor(a, b) > MAX_VALUE_FACTOR)
      continue;
    // The shorter key names the joined series.
    const [keep, drop] = a.key.length <= b.key.length ? [a, b] : [b, a];
    keep.figures.push(...drop.figures);
    for (const doc of drop.docs) keep.docs.add(doc);
    into.set(drop, keep);
  }
  return groups.filter((group) => !into.has(group));
}

/**
 * Groups every figure into a series and writes each figure's `series` key: one report's figures of a key
 * first, then the reports' groups that are one measure, the shortest key naming the joined series.
 */
export function buildSeries(items: Array<{ figure: Figure; measure: MeasureParts }>): Series[] {
  const byKeyAndReport = new Map<string, Array<{ figure: Figure; measure: MeasureParts }>>();
  for (const item of items) {
    const key = seriesKeyOf(item.figure);
    const slot = `${key}\u0000${item.figure.docId}`;
    byKeyAndReport.set(slot, [...(byKeyAndReport.get(slot) ?? []), item]);
  }
  const groups = [...byKeyAndReport.entries()].flatMap(([slot, members]) =>
    reportGroups(slot.split("\u0000")[0] ?? "", members),
  );
  const merged = joinReports(groups);
  // Keys must be unique: a key shared by groups that did not join gets the first figure's ordinal.
  const seen = new Set<string>();
  for (const group of merged) {
    if (seen.has(group.key)) group.key = `${group.key}#${group.figures[0]?.id.split(":").pop() ?? ""}`;
    seen.add(group.key);
  }
  const series = merged.map(toSeries);
  const byFigure = new Map(series.flatMap((one) => one.figureIds.map((id) => [id, one.key] as const)));
  for (const { figure } of items) figure.series = byFigure.get(figure.id) ?? figure.series;
  return series.sort((a, b) => b.figureIds.length - a.figureIds.length || a.key.localeCompare(b.key));
}

/** What the answering side needs to walk a series: the series and the figures by id. */
export interface SeriesIndex {
  series: Series[];
  seriesByKey: Map<string, Series>;
  figuresById: Map<string, Figure>;
}

export function indexSeries(series: Series[], figures: Figure[]): SeriesIndex {
  return {
    series,
    seriesByKey: new Map(series.map((one) => [one.key, one])),
    figuresById: new Map(figures.map((figure) => [figure.id, figure])),
  };
}

/**
 * A series' points, newest first: one per report and value (a report printing a figure twice, in the body
 * and a footnote, is one point).
 */
export function seriesPoints(index: SeriesIndex, key: string): Figure[] {
  const series = index.seriesByKey.get(key);
  if (!series) return [];
  const seen = new Set<string>();
  const points: Figure[] = [];
  for (const id of series.figureIds) {
    const figure = index.figuresById.get(id);
    if (!figure) continue;
    const identity = `${figure.docId}|${figure.value}|${figure.values.join("/")}|${figure.asOf}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    points.push(figure);
  }
  return points;
}

/** The series a figure belongs to and its other points, for an answer's timeline. */
export function seriesOf(index: SeriesIndex, key: string): { series: Series; points: Figure[] } | undefined {
  const series = index.seriesByKey.get(key);
  return series ? { series, points: seriesPoints(index, key) } : undefined;
}

/**
 * Series named by a key or described by a phrase (`tài khoản VNeID`): every series whose measure holds all
 * the phrase's words, most points first.
 */
export function findSeries(index: SeriesIndex, keyOrPhrase: string): Series[] {
  const exact = index.seriesByKey.get(keyOrPhrase.trim());
  if (exact) return [exact];
  const wanted = normalizedWords(
    keyOrPhrase.replace(/^[a-z]+(?:-[a-z]+)?(?:\/[a-z-]+)?:/u, "").replace(/-/g, " "),
  );
  if (wanted.length === 0) return [];
  return index.series.filter((series) => {
    const words = new Set(normalizedWords(series.measure));
    return wanted.every((word) => words.has(word));
  });
}
