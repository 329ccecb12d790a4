import { capWords } from "./cap-words";
import { clauseStart, enclosingParen, endsWithPhrase, predicateAfter } from "./figure-clause";
import {
  actionOf,
  compose,
  firstActionOf,
  isOwner,
  lowerFirst,
  type Measure,
  measureOf,
  objectOfLeadingVerb,
  rate,
  splitOwner,
  subjectOf,
  tidy,
  withoutRate,
  words,
} from "./figure-phrases";
import { leftOf, parentBefore, type ReadFigure, type Spot, skippedPredicate } from "./figure-spot";
import {
  CHANGE_VERBS,
  COPULAS,
  DURATION_NOUN,
  EXISTENTIALS,
  MONEY_NOUNS,
  PARTNER_VERBS,
  PREPOSITIONS,
} from "./figure-words";

/**
 * The measure of a figure read from its own clause: what the words before it do to it (`phê duyệt 67
 * triệu tài khoản VNeID` → `tài khoản VNeID được phê duyệt`), the subject a copula names (`Tỷ lệ hồ sơ trực
 * tuyến của bộ, ngành đạt 59,57%`), the counted noun and its predicate (`63/63 tỉnh, thành phố đã hoàn
 * thành …`), and the shape of money, durations, ranks and multiples.
 */
const STEP_NOUNS = /^(?:bước|lần|lượt|mẫu đơn|loại giấy tờ)$/u;
const CLASSIFIER_NOUNS = /^(?:lượt|lần)(?:\s|$)/u;
/** Units of measurement: what they measure is named by the clause's subject (`tốc độ … đạt 151,69 Mbps`). */
const MEASUREMENT_UNITS = /^(?:Mbps|Gbps|Kbps|km|m2|m²|ha|kg|tấn|MW|kWh|GB|TB|mét)$/u;
const SPEED_UNITS = /^(?:Mbps|Gbps|Kbps)$/u;
const FEE_NOUN = /(?:^|\s)(mức phí|lệ phí|phí|mức hỗ trợ|giá)\s*$/iu;
const RANK_BEFORE = /(?:^|\s)(?:xếp thứ|đứng thứ|xếp hạng|thứ|hạng)\s*$/iu;
const RANK_NOUN = /^(?:bậc|hạng)$/u;
const GOAL_SUBJECT =
  /^(?:chỉ tiêu|mục tiêu|kế hoạch)(?:\s+(?:giao|đề ra|đặt ra|năm\s+\d{4}|đến năm\s+\d{4}|giai đoạn[\s\d–-]*))*$/iu;
const DIRECTIVE_VERBS = /^(?:chưa\s+)?(?:yêu cầu|chỉ đạo|đề nghị|giao)$/u;
const LENGTH_ADJECTIVES: Record<string, string> = { dài: "chiều dài", rộng: "chiều rộng", cao: "chiều cao" };
interface Clause {
  spot: Spot;
  noun: string;
  nounEnd?: number;
  predicate: string;
  tail: string;
}

const LEADING_BULLET = /^\s*(?:[-–+•»]\s*|\(\d{1,2}\)\s*)/u;

/** Nouns that name a whole whose parts a following `với N …` counts: documents, programmes, models. */
const WHOLE_NOUN =
  /^(?:Chỉ thị|Nghị quyết|Quyết định|Kế hoạch|Thông tư|Nghị định|Luật|Đề án|Chương trình|Mô hình|Dự án|Bộ tiêu chí)(?![\p{L}])/u;

function prepositionEnding(tail: string): string | undefined {
  const found = endsWithPhrase(tail, PREPOSITIONS);
  // `hiện tại`, `hiện có` are adverbs, not the preposition `tại`.
  if (found === "tại" && /(?:^|\s)hiện\s+tại$/iu.test(tail)) return undefined;
  return found;
}

/** `đứng thứ 71/193 quốc gia`, `tăng 15 bậc`: a ranking of the clause's subject (`Việt Nam`). */
function rankMeasure(clause: Clause): Measure | undefined {
  const { spot, noun, tail } = clause;
  const isRank = RANK_BEFORE.test(tail) || (RANK_NOUN.test(noun) && CHANGE_VERBS.has(spot.figure.verb ?? ""));
  if (!isRank) return undefined;
  // `tăng 15 bậc` after `đứng thứ 71/193`: the same ranking, changed.
  const rankIndex = spot.done.findLastIndex((done) => done.measure.head === "thứ hạng");
  if (RANK_NOUN.test(noun) && rankIndex !== -1) return spot.done[rankIndex]?.measure;
  const before = tail.replace(RANK_BEFORE, "").replace(/\s+(?:tăng|giảm)(?:\s+thêm)?\s*$/u, "");
  const action = actionOf(before);
  const whose = /^(?:đưa|giúp)/u.test(action.verb) ? action.object : action.subject || before;
  const named = /((?:\p{Lu}[\p{L}]*\s+)*\p{Lu}[\p{L}]*)(?![\s\S]*\s\p{Lu}\p{Ll})/u.exec(
    spot.sentence.slice(0, spot.figure.start),
  );
  const owner = tidy(whose) || named?.[1] || "";
  const within = noun && !RANK_NOUN.test(noun) && noun !== "quốc gia" ? `trong ${noun}` : "";
  return measureOf(compose("thứ hạng", owner ? `của ${capWords(owner, 6)}` : "", within), "thứ hạng");
}

/** `cao gấp 3 lần tốc độ tăng trưởng GDP`: a multiple of the clause's subject against what follows. */
function multipleMeasure(clause: Clause): Measure | undefined {
  const { spot, noun, tail } = clause;
  if (!/(?:^|\s)gấp\s*$/u.test(tail) || !/^lần(?:\s|$)/u.test(noun)) return undefined;
  const against = compose(
    noun.replace(/^lần\s*/u, ""),
    predicateAfter(spot.sentence, clause.nounEnd ?? spot.figure.end),
  );
  const subjectIndex = parentBefore(spot.done, spot.figure.start);
  const base = subjectOf(tail.replace(/(?:được\s+)?(?:nâng cao|nâng lên|tăng|cao)?\s*gấp\s*$/u, ""));
  const subject = base || (subjectIndex !== undefined ? spot.done[subjectIndex]?.measure.text : "") || "";
  return measureOf(compose(subject, against ? `so với ${against}` : ""), subject || "lần");
}

function moneyMeasure(clause: Clause): Measure {
  const { spot, noun, predicate, tail } = clause;
  // `trong gói 25 nghìn tỷ tăng thu năm 2025`: the amount is the size of the package it follows.
  const container = /(?:^|\s)(gói|quỹ|khoản)\s*$/iu.exec(tail)?.[1];
  if (container) {
    const named = ` ${predicateAfter(spot.sentence, spot.figure.end)} `.split(
      /\s(?:đã|đang|được|chưa|sẽ)\s/u,
    )[0];
    return measureOf(compose("số tiền của", container.toLowerCase(), named), "số tiền");
  }
  const fee = FEE_NOUN.exec(tail);
  if (fee?.[1] && !/kinh phí\s*$/iu.test(tail)) {
    const after = predicateAfter(spot.sentence, spot.figure.end);
    // `người làm công tác chuyên trách … được hưởng mức hỗ trợ 5 triệu đồng/tháng`: who receives it.
    const clauseText = spot.sentence
      .slice(clauseStart(spot.sentence, spot.figure.start), spot.figure.start)
      .replace(/^\s*(?:theo|căn cứ)\s[^,]*,\s*/iu, "");
    const receiver = /^(.+?)\s+(?:được\s+)?(?:hưởng|nhận)\s+(?:mức phí|lệ phí|phí|mức hỗ trợ|giá)\s*$/iu.exec(
      clauseText,
    )?.[1];
    const forWhom = receiver
      ? `cho ${capWords(tidy(receiver), 10)}`
      : /^(?:đối với|cho)\s/u.test(spot.sentence.slice(spot.figure.end).trim())
        ? capWords(tidy(spot.sentence.slice(spot.figure.end).split(/[;,.(]/u)[0] ?? ""), 10)
        : after;
    const feeName = fee[1].toLowerCase() === "phí" ? "mức phí" : fee[1];
    return measureOf(compose(feeName, forWhom), feeName);
  }
  const startsWithMoney = /^(?:tổng\s+)?(?:số tiền|kinh phí|doanh thu|mức đầu tư|ngân sách|dự toán)/iu.test(
    tail,
  );
  if (startsWithMoney) {
    const named = subjectOf(tail);
    // `VNPT triển khai 550 kiosk dịch vụ công, doanh thu khoảng 60 tỷ đồng`: whose revenue.
    const opening = tidy(
      spot.sentence.slice(clauseStart(spot.sentence, spot.figure.start), spot.figure.start).split(",")[0] ??
        "",
    );
    const whose = actionOf(opening).subject;
    const owned =
      words(named).length <= 2 && /^\p{Lu}/u.test(whose) && words(whose).length <= 4 && !/\d/u.test(whose);
    return measureOf(owned ? compose(named, "của", whose) : named, "số tiền");
  }
  const endingNoun = MONEY_NOUNS.find((word) => tail.toLowerCase().endsWith(word));
  const action = actionOf(endingNoun ? tail.slice(0, tail.length - endingNoun.length) : tail);
  if (endingNoun) {
    const beforeNoun = tail.slice(0, tail.toLowerCase().lastIndexOf(endingNoun));
    const owner = tidy(beforeNoun.replace(/\s+(?:đạt|có)\s*$/u, ""));
    const clauseSubject = actionOf(
      tidy(spot.sentence.slice(clauseStart(spot.sentence, spot.figure.start), spot.figure.start)),
    ).subject;
    const whose =
      owner ||
      (/^\p{Lu}/u.test(clauseSubject) && words(clauseSubject).length <= 4 ? `của ${clauseSubject}` : "");
    // `triển khai dịch vụ VNPT eKYC với doanh thu ~3,3 tỷ đồng`: the revenue of what was deployed.
    const clauseText = tidy(
      spot.sentence.slice(clauseStart(spot.sentence, spot.figure.start), spot.figure.start),
    );
    const main = firstActionOf(
      clauseText.replace(/\s+với\s+(?:tổng\s+)?(?:số tiền|kinh phí|doanh thu)\s*(?:là)?\s*$/u, ""),
    );
    // `Viettel triển khai …, ghi nhận doanh thu khoảng 760 tỷ đồng`: whose revenue, named where the clause opens.
    const lead = firstActionOf(clauseText);
    const opener = tidy(
      clauseText
        .slice(0, lead ? Math.max(0, clauseText.indexOf(lead)) : 0)
        .replace(/^(?:VD|Ví dụ|Điển hình như|Điển hình là|như|Cụ thể)\s*:?\s*/iu, ""),
    );
    const namedOpener = /^\p{Lu}/u.test(opener) && words(opener).length <= 4 && !/\d/u.test(opener);
    const recordsOnly = !action.verb || /^(?:ghi nhận|đạt|ước đạt|thu về|có)$/u.test(action.verb);
    const described = /\svới\s*$/u.test(` ${beforeNoun}`)
      ? endingNoun.includes("số tiền") && main
        ? main
        : `của ${capWords(action.object.replace(/\s*với$/u, "") || action.subject, 8)}`
      : recordsOnly && namedOpener && (!owner || actionOf(owner).verb)
        ? `của ${opener}`
        : action.verb && action.verb !== "đạt"
          ? `được ${action.action}`
          : capWords(whose, 8);
    return measureOf(
      compose(endingNoun.replace(/^tổng\s+/u, ""), described, predicate),
      endingNoun,
      action.firstVerb,
    );
  }
  if (noun && !action.verb) return measureOf(compose("số tiền", noun, predicate), "số tiền");
  if (noun) return measureOf(compose(noun, `được ${action.action}`), noun, action.firstVerb);
  // Counts after the figure are dropped; a name's number (`Đề án 06`) stays.
  const after = /^(?:để|đối với|cho|từ)\s/u.test(spot.sentence.slice(spot.figure.end).trim())
    ? capWords(
        tidy(spot.sentence.slice(spot.figure.end).split(/[;,.(:]/u)[0] ?? "").replace(
          /(?<![\p{L}\d.,])(?<!\p{Lu}\p{Ll}*(?:\s+\p{Ll}+)?\s+)\d[\d.,]*\s*/gu,
          "",
        ),
        10,
      )
    : "";
  const passiveSubject =
    /(?:^|\s)được\s+\S+(?:\s+\S+)?$/u.test(` ${tail}`) && action.subject ? `cho ${action.subject}` : "";
  const beneficiary =
    /(?:^|\s)giúp\s+(.+?)\s*$/u.exec(action.subject)?.[1] ??
    (isOwner(action.subject) && /^\p{Lu}/u.test(action.subject) ? action.subject : undefined);
  const verb =
    action.action || CHANGE_VERBS.has(spot.figure.verb ?? "")
      ? action.action || (spot.figure.verb ?? "")
      : subjectOf(tail);
  return measureOf(
    compose("số tiền", beneficiary, verb, passiveSubject, after, helpedBy(spot)),
    "số tiền",
    action.firstVerb,
  );
}

/** `cấp kinh phí 49,69 tỷ cho 03 CSDL`: what was given, when the amount before names it (`kinh phí`). */
function fundedWith(previous: ReadFigure): string {
  const head = previous.measure.head;
  return previous.kind === "money" && head && head !== "số tiền" && !/\d/u.test(head) ? head : "";
}

/**
 * `Nền tảng MOOC (…) được … sử dụng rộng rãi với 500 nghìn cán bộ truy cập`: a verb left without its
 * object takes the thing the sentence opens with.
 */
function objectFromOpening(spot: Spot, own: ReturnType<typeof actionOf>): string {
  if (own.object) return "";
  const opening = spot.sentence
    .slice(spot.sentence.lastIndexOf(";", spot.figure.start) + 1, spot.figure.start)
    .replace(/^\s*[-–+•»]\s*/u, "")
    .split(/[(,]|\s(?:được|đã|đang|là)\s/u)[0];
  const thing = tidy(opening ?? "");
  return /^\p{Lu}/u.test(thing) && words(thing).length <= 6 && !isOwner(thing) ? thing : "";
}

/** `Việc đối soát sinh trắc học giúp giảm 59% …`: what brought the figure about, as `nhờ …`. */
function helpedBy(spot: Spot): string {
  const opening = /^\s*(?:[-+•]\s*)?(?:Việc\s+)?([^,;:()]{3,60}?)\s+(?:giúp|góp phần)\s/u.exec(
    spot.sentence.slice(spot.sentence.lastIndexOf(";", spot.figure.start) + 1, spot.figure.start),
  );
  const cause = opening?.[1] ? lowerFirst(tidy(opening[1])) : "";
  const meaningful =
    words(cause).length >= 2 &&
    !/^(?:dự kiến|có thể|sẽ|đã|cũng|qua đó|từ đó|điều này)(?![\p{L}])/iu.test(cause);
  return meaningful && !isOwner(cause) ? `nhờ ${cause}` : "";
}

function prepositionMeasure(clause: Clause, preposition: string): Measure {
  const { spot, noun, predicate, tail } = clause;
  const kind = spot.figure.kind;
  const nounPhrase = compose(noun, predicate);
  const beforePreposition = tidy(tail.slice(0, tail.toLowerCase().lastIndexOf(preposition)));
  const action = actionOf(beforePreposition);
  const previousIndex = parentBefore(spot.done, spot.figure.start);
  const previous = previousIndex === undefined ? undefined : spot.done[previousIndex];
  // `… với trên 26 triệu thông tin công dân trên Sổ sức khỏe điện tử`: the noun says where it is itself.
  if (
    preposition === "với" &&
    (/^(?:được|đã|đang|chưa|hưởng)\s/u.test(`${predicate} `) ||
      /^(?:trên|tại|vào|thuộc)\s+\p{Lu}/u.test(predicate) ||
      /^về\s+\S+\s+\S+/u.test(predicate))
  )
    return measureOf(rate(kind, nounPhrase), noun);
  if (preposition === "theo") {
    // `chưa đơn giản hóa theo 19 Nghị quyết của Chính phủ`: the documents an action follows, not its object.
    const verb = action.verb.replace(/^(?:chưa|đã|được|không)\s+/u, "");
    const object = action.object || previous?.noun || "";
    return measureOf(compose(noun, predicate, verb ? `về ${compose(verb, object)}` : ""), noun);
  }
  if (preposition === "với" && PARTNER_VERBS.some((partner) => action.verb.includes(partner))) {
    // The partner is the clause's subject only when the clause starts at it, not after an earlier figure.
    const fromClauseStart =
      !previous || (previous.nounEnd ?? previous.end) < clauseStart(spot.sentence, spot.figure.start);
    if (fromClauseStart && action.subject && actionOf(action.subject).verb && !isOwner(action.subject))
      return measureOf(compose(noun, beforePreposition.replace(/\s+với$/u, "")), noun, action.firstVerb);
    const subject = fromClauseStart ? subjectOf(action.subject) : "";
    const adjacent =
      previous &&
      !fromClauseStart &&
      !/,/u.test(spot.sentence.slice(previous.nounEnd ?? previous.end, spot.figure.start));
    const partner = subject || (adjacent ? previous?.noun : "");
    return measureOf(compose(noun, action.action, partner ? `với ${partner}` : ""), noun, action.firstVerb);
  }
  // `Ứng dụng sinh trắc học … cho 1,2 triệu lượt khách làm thủ tục nhanh`: the noun acts itself; the
  // clause's action is what made it possible.
  const ownAction = actionOf(predicate);
  // `… được hưởng ứng sử dụng rộng rãi với hơn 500 nghìn cán bộ, công chức các cấp truy cập …`: the
  // noun does the predicate's action; that, not the clause before `với`, says what is counted.
  if (
    preposition === "với" &&
    ownAction.verb &&
    !ownAction.subject &&
    !/^(?:được|chưa|đã|đang)\s/u.test(`${predicate} `) &&
    !PARTNER_VERBS.some((partner) => action.verb.includes(partner))
  )
    return measureOf(
      rate(kind, compose(noun, capWords(predicate, 8), objectFromOpening(spot, ownAction))),
      noun,
      ownAction.firstVerb,
    );
  if (preposition === "cho" && ownAction.verb && !ownAction.subject && !/^(?:được|chưa)/u.test(predicate)) {
    const clauseText = tidy(
      spot.sentence.slice(clauseStart(spot.sentence, spot.figure.start), spot.figure.start),
    );
    const cause = firstActionOf(clauseText.replace(/\s+cho$/u, ""));
    return measureOf(
      compose(
        noun,
        capWords(predicate, 6),
        cause
          ? `nhờ ${lowerFirst(capWords(cause.replace(/\s+\d.*$/u, "").replace(/\s+(?:tại|cho|của|với|ở|trên)$/u, ""), 6))}`
          : "",
      ),
      noun,
      ownAction.firstVerb,
    );
  }
  if ((preposition === "cho" || preposition === "tại") && !beforePreposition && previous?.measure.action)
    // `chi trả … cho 1.054.224 đối tượng`: the noun the action was done for; `lắp đặt 220 kiosk tại 188
    // bệnh viện`: the places that have what was counted before.
    return measureOf(
      preposition === "cho"
        ? compose(noun, "được", previous.measure.action, fundedWith(previous))
        : compose(noun, "có", withoutRate(previous.measure.text)),
      noun,
      previous.measure.action,
    );
  if (preposition === "cho" && !action.verb && previous) {
    // `thanh toán 5.448 tỷ đồng tiền điện nước và 643 tỷ đồng viễn thông cho 35.291 đơn vị`: the clause's
    // action, past the figures between, is done for the figure's noun.
    const clauseText = tidy(
      spot.sentence.slice(clauseStart(spot.sentence, spot.figure.start), spot.figure.start),
    );
    const main = actionOf(clauseText.replace(/\s+cho$/u, ""));
    if (main.verb && !main.verb.startsWith("chưa"))
      return measureOf(compose(noun, predicate, `được ${main.verb}`), noun, main.firstVerb);
  }
  if ((preposition === "cho" || preposition === "đối với") && action.verb) {
    const relative = /^(?:có|của|thuộc|đang|đã có)\s/u.test(predicate) ? capWords(predicate, 8) : "";
    const passive = /^(?:được|chưa được)\s/u.test(predicate) ? predicate : `được ${action.action}`;
    return measureOf(rate(kind, compose(noun, relative, passive)), noun, action.firstVerb);
  }
  if (preposition === "tại" || preposition === "ở") {
    if (!beforePreposition && previous)
      return measureOf(compose(noun, previous.measure.action), noun, previous.measure.action);
    const sameClause =
      previous && !/[,;]/u.test(spot.sentence.slice(previous.nounEnd ?? previous.end, spot.figure.start));
    // `khảo sát 2.822 hệ thống … tại 34 tỉnh/thành phố`: the places the figure before was counted in.
    if (!action.verb && sameClause && previous?.measure.action)
      return measureOf(compose(noun, "có", previous.measure.text), noun);
    // `tổ chức khảo sát để nắm tình hình … tại 04 cụm`: the places are where the main verb, not its
    // purpose, was done.
    const purpose = /^(.*?\S)\s+(?:để|nhằm)\s/u.exec(beforePreposition);
    const main = purpose?.[1] ? actionOf(purpose[1]) : undefined;
    if (main?.verb) return measureOf(compose(noun, `được ${main.verb}`), noun, main.firstVerb);
    if (action.verb) {
      const adjacent =
        previous && !/,/u.test(spot.sentence.slice(previous.nounEnd ?? previous.end, spot.figure.start));
      const object = action.object ? "" : adjacent ? (previous?.noun ?? "") : capWords(action.subject, 10);
      return measureOf(rate(kind, compose(noun, action.verb, action.object, object)), noun, action.firstVerb);
    }
  }
  if (preposition === "của") {
    const lastObject = tidy(action.object.split(/\s(?:với|và|cho)\s/u).pop() ?? "");
    const object = lastObject && words(lastObject).length <= 5 ? lastObject : "";
    if (predicate && !object) return measureOf(rate(kind, nounPhrase), noun);
    if (predicate && object)
      return measureOf(rate(kind, compose(noun, predicate, action.action)), noun, action.firstVerb);
    const owned = object
      ? compose(object, `được ${action.verb.replace(/^chưa /u, "")}`)
      : /trách nhiệm$/u.test(beforePreposition) || !beforePreposition
        ? previous?.measure.text
        : "";
    return measureOf(rate(kind, compose(noun, owned ? `có ${owned}` : predicate)), noun, action.firstVerb);
  }
  if (preposition === "từ" || preposition === "trong") {
    // `cắt giảm thời gian thực hiện thủ tục hành chính từ 21 ngày`: what changes is the verb's object.
    const paren = enclosingParen(spot.sentence, spot.figure.start);
    const before =
      beforePreposition ||
      (paren ? tidy(spot.sentence.slice(clauseStart(spot.sentence, paren.open), paren.open)) : "");
    const context = /\svới\s/u.test(` ${before}`)
      ? tidy(` ${before}`.split(/\svới\s/u).pop() ?? before)
      : before;
    const object = lowerFirst(subjectOf(objectOfLeadingVerb(context.replace(/^với\s+/u, "")))).replace(
      /\s+(?:giảm|tăng|rút ngắn|cắt giảm)(?:\s+thêm)?$/iu,
      "",
    );
    if (DURATION_NOUN.test(noun))
      return measureOf(
        /^thời gian/iu.test(object) ? object : compose("thời gian", object),
        "thời gian",
        action.firstVerb,
      );
    if (!noun && object) return measureOf(rate(kind, object), object);
    if (object)
      return measureOf(
        rate(kind, compose(noun, /^bước/u.test(noun) ? "" : "trong", object)),
        noun,
        action.firstVerb,
      );
  }
  if (preposition === "với" && /^(?:được|đã|đang|chưa|hưởng)\s/u.test(`${predicate} `))
    return measureOf(rate(kind, nounPhrase), noun);
  if (preposition === "với" && !/(?:^|\s)cùng$/u.test(beforePreposition)) {
    const between = previous ? spot.sentence.slice(previous.nounEnd ?? previous.end, spot.figure.start) : "";
    const sameClause = previous && (!/,/u.test(between) || /^\s*,?\s*với\s*$/u.test(between));
    if (sameClause && previous) {
      // `sổ hộ tịch, với hơn 95,8 triệu dữ liệu`: a property of the figure before; what was done to it carries over.
      const suffix =
        previous.noun && previous.measure.text.startsWith(previous.noun)
          ? previous.measure.text.slice(previous.noun.length)
          : "";
      // A place's `có …` (`địa phương có học viên được đào tạo`) is the place's; the act carries over.
      if (!CLASSIFIER_NOUNS.test(noun) && suffix.trim() && previous.measure.action)
        return measureOf(
          compose(noun, /^\s*có\s/u.test(suffix) ? previous.measure.action : suffix),
          noun,
          previous.measure.action,
        );
      return measureOf(compose(noun, "của", previous.measure.text), noun);
    }
    if (!previous && !action.verb && !predicate) {
      // `đề xuất về nhiệm vụ, giải pháp trọng tâm năm 2024 … với 20 nhiệm vụ chung`: what the figure is part of.
      const clauseText = tidy(
        spot.sentence.slice(clauseStart(spot.sentence, spot.figure.start), spot.figure.start),
      ).replace(/\s+với$/u, "");
      const whole = tidy(` ${clauseText}`.split(/\svới\s/u).pop() ?? "");
      // A whole is a noun phrase (`đề xuất về nhiệm vụ …`), not a lone opening verb (`Thống nhất với …`).
      if (whole && words(whole).length <= 14 && (words(whole).length > 2 || isOwner(whole)))
        return measureOf(compose(noun, "của", capWords(whole, 10)), noun);
    }
    if (!previous && action.verb) {
      // `triển khai hóa đơn điện tử … với hơn 2,63 tỷ hóa đơn`: the figure counts the verb's object.
      const head = noun.split(/\s+/)[0] ?? "";
      if (head && action.object.toLowerCase().startsWith(head.toLowerCase()))
        return measureOf(compose(action.object, `được ${action.verb}`), action.object, action.firstVerb);
      if (!action.subject || /^việc$/iu.test(action.subject))
        return measureOf(compose(noun, action.action), noun, action.firstVerb);
      // `Chỉ thị số 04/CT-TTg … về … với 20 nhiệm vụ chung`: the figure counts the parts of a named whole.
      const whole = WHOLE_NOUN.test(action.subject)
        ? tidy(beforePreposition.split(/\s+về\s+/u)[0] ?? "")
        : "";
      if (whole) return measureOf(compose(noun, "của", capWords(whole, 10)), noun);
      if (
        actionOf(action.subject).verb ||
        (/^\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(action.subject) && !isOwner(action.subject))
      ) {
        // `UBND các địa phương đã tích cực bố trí nguồn lực … với 3.054 cán bộ`: the body is whose, the
        // verb phrase says what the figure is.
        const lead = firstActionOf(beforePreposition);
        const body = tidy(
          beforePreposition
            .slice(0, Math.max(0, beforePreposition.indexOf(lead)))
            .replace(/(?:\s+(?:đã|đang|sẽ|được|tích cực|cũng|đều|tiếp tục))+\s*$/iu, ""),
        );
        const phrase = lead && body && isOwner(body) ? lead : beforePreposition;
        return measureOf(compose(noun, lowerFirst(capWords(phrase, 10))), noun, action.firstVerb);
      }
      // `Thống nhất với 05 bài học`: a clause-initial verb is no owner.
      if (words(action.subject).length <= 5 && isOwner(action.subject))
        return measureOf(compose(noun, "của", action.subject), noun);
      // `giải pháp trọng tâm năm 2024 của Tổ công tác … với 20 nhiệm vụ chung`: part of that noun phrase.
      return measureOf(compose(noun, "của", capWords(action.subject, 8)), noun);
    }
  }
  if (/^(?:số tiền|kinh phí)$/iu.test(beforePreposition))
    return measureOf(compose("số tiền", noun), "số tiền");
  return measureOf(rate(kind, nounPhrase || beforePreposition), noun);
}

/** The measure a goal's subject (`Chỉ tiêu năm 2023 là 100%`) stands for: the rate the sentence is about. */
function goalContext(spot: Spot): string | undefined {
  const paren = enclosingParen(spot.sentence, spot.figure.start);
  const before = paren ? spot.sentence.slice(0, paren.open) : "";
  const named = /((?:tỷ lệ|tỷ trọng)[^,;:()]*?)(?:\s+(?:còn|đạt|là|mới|chỉ)(?![\p{L}])|\s*$)/iu.exec(before);
  if (named?.[1]) return tidy(named[1]);
  const after = spot.sentence.slice(spot.figure.end);
  const following =
    /((?:tỷ lệ|tỷ trọng)[^,;:()]*?)(?:\s+(?:tại|của)\s+[^,;]*?)?\s+(?:còn|đạt|là|mới|chỉ)(?![\p{L}])/iu.exec(
      after,
    );
  if (following?.[1]) return tidy(following[1]);
  const footnote = spot.context.footnoteParent?.("tỷ lệ");
  return footnote ? splitOwner(footnote.text).head : undefined;
}

function copulaMeasure(clause: Clause, copula: string): Measure {
  const { spot, noun, predicate, tail } = clause;
  const kind = spot.figure.kind;
  const paren = enclosingParen(spot.sentence, spot.figure.start);
  // Without a copula the figure's own verb (`tốc độ tăng trưởng vượt 20%/năm`) is not the subject's.
  const beforeCopula = copula
    ? tail.slice(0, tail.toLowerCase().lastIndexOf(copula))
    : tail.replace(/\s*(?:ước đạt|đạt|vượt)\s*$/iu, "");
  const moneyOf =
    kind === "money" ? /^(.*\S)\s+với\s+(?:tổng\s+)?(?:số tiền|kinh phí)\s*$/iu.exec(beforeCopula) : null;
  if (moneyOf?.[1]) {
    const clauseText = tidy(
      spot.sentence.slice(clauseStart(spot.sentence, spot.figure.start), spot.figure.start),
    );
    const action = actionOf(clauseText.replace(/\s+với\s+(?:tổng\s+)?(?:số tiền|kinh phí)\s+là\s*$/iu, ""));
    return measureOf(compose("số tiền", action.action || moneyOf[1]), "số tiền", action.firstVerb);
  }
  let subject = subjectOf(
    beforeCopula
      .replace(/^.*\s(?:cùng|cùng với|với)\s+(?=(?:tổng\s+)?số\s)/iu, "")
      .replace(/^(?:phấn đấu|phải|cần)\s*/iu, ""),
  );
  if (/^(?:phấn đấu|phải|cần)$/iu.test(subject)) subject = "";
  const clauseText = spot.sentence.slice(clauseStart(spot.sentence, spot.figure.start), spot.figure.start);
  // `số đối tượng đã có tài khoản, mong muốn chi trả … là`: a subject cut at a comma before its own verb.
  if (/^(?:mong muốn|đã|đang|được|chưa|có)\s/u.test(`${subject} `) && !paren) {
    const whole = clauseText.slice(0, clauseText.toLowerCase().lastIndexOf(copula || " "));
    if (whole.trim()) subject = subjectOf(whole);
  }
  if (!subject) {
    // `thực hiện giải quyết TTHC toàn trình …, phải đạt 80%`: the comma segment before names the rate.
    const segments = tidy(clauseText).split(/\s*,\s*/u);
    if (segments.length > 1) subject = subjectOf(segments.at(-2) ?? "");
  }
  const adjective = LENGTH_ADJECTIVES[copula];
  if (adjective && MEASUREMENT_UNITS.test(noun)) {
    const opening = tidy(
      spot.sentence.slice(clauseStart(spot.sentence, spot.figure.start)).split(",")[0] ?? "",
    );
    // `Hệ thống cáp … mở rộng với tuyến VSTN do VNPT xây dựng, dài 3.900 km`: the length of what `với` names.
    const whole = subject || opening;
    const described = lowerFirst(tidy(` ${whole}`.split(/\svới\s/u).pop() ?? whole));
    return measureOf(compose(adjective, described), adjective);
  }
  if (GOAL_SUBJECT.test(subject)) subject = goalContext(spot) ?? subject;
  const breakdown =
    /(?:^|\s)(?:trong đó|gồm|bao gồm)(?:\s|,|$)/iu.test(` ${beforeCopula}`) ||
    Boolean(paren && /^\s*(?:gồm|bao gồm|trong đó)/iu.test(spot.sentence.slice(paren.open + 1)));
  const parentIndex = parentBefore(spot.done, paren && breakdown ? paren.open : spot.figure.start, kind);
  const parent = parentIndex === undefined ? undefined : spot.done[parentIndex];
  if (subject && isOwner(subject) && noun && kind !== "percent" && !/^người$/u.test(noun))
    return measureOf(compose(noun, "của", subject), noun);
  if (subject && !isOwner(subject)) {
    const withNoun =
      kind === "percent" && noun && !/^(?:trong|trên)/u.test(noun)
        ? compose(subject, "trong", noun)
        : subject;
    const within = breakdown && parent ? `trong ${capWords(withoutRate(parent.measure.text), 10)}` : "";
    return measureOf(rate(kind, compose(withNoun, within)), subject);
  }
  if (subject && parent)
    return measureOf(compose(splitOwner(parent.measure.text).head, "của", subject), parent.measure.head);
  if (!subject) {
    // `(hạng 18, đạt 151,69 Mbps)`: an aside names no subject; the clause it interrupts does.
    if (paren) {
      const outerText = spot.sentence.slice(clauseStart(spot.sentence, paren.open), paren.open);
      const outer = subjectOf(
        outerText.replace(/\s+(?:duy trì|đạt|là|tăng|giảm)(?:\s.*)?$/u, "").replace(/\s+\d.*$/u, ""),
      );
      if (outer) return measureOf(rate(kind, outer), outer);
    }
  }
  return measureOf(rate(kind, compose(noun, predicate) || subject), noun);
}

function percentMeasure(clause: Clause, action: ReturnType<typeof actionOf>): Measure {
  const { spot, noun, predicate } = clause;
  if (CHANGE_VERBS.has(spot.figure.verb ?? "")) {
    // `giảm 59% số vụ lừa đảo`: the noun changed; `làm GDP tăng thêm 0,3%`: the object of the causative.
    // A percentage change names the change and what changed: `tỷ lệ giảm số vụ lừa đảo`.
    const verb = spot.figure.verb ?? "";
    if (noun && !/^(?:so|trong|trên)$/u.test(noun))
      return measureOf(compose("tỷ lệ", verb, noun, predicate, helpedBy(spot)), noun, verb);
    if (/^(?:làm|giúp|đưa)$/u.test(action.verb) && action.object) {
      const changed = action.object.replace(/\s+(?:tăng|giảm)(?:\s+thêm)?$/u, "");
      const change = /(tăng|giảm)(?:\s+thêm)?$/u.exec(action.object)?.[1] ?? verb;
      return measureOf(compose("tỷ lệ", change, changed), changed);
    }
    const tail = subjectOf(clause.tail);
    if (/^(?:tốc độ|tỷ lệ|tỷ trọng)/iu.test(tail)) return measureOf(tail, tail);
    const subject = subjectOf(
      action.subject.replace(/(?:có thể\s+)?làm\s*$/u, "").replace(/^.*\s(?:giúp|làm)\s+/u, ""),
    );
    return measureOf(subject || action.action, subject || action.action);
  }
  if (!noun) {
    const after = predicateAfter(spot.sentence, spot.figure.end);
    const subject =
      words(action.subject).length <= 16 && !/^(?:trong đó|qua|theo|với)/iu.test(action.subject)
        ? action.subject
        : "";
    return measureOf(
      rate(
        "percent",
        compose(subject, action.verb ? (subject ? `được ${action.verb}` : action.verb) : "", after),
      ),
      subject || action.verb,
      action.firstVerb,
    );
  }
  const passive =
    action.verb && !DIRECTIVE_VERBS.test(action.verb) ? `được ${action.verb.replace(/^chưa /u, "")}` : "";
  return measureOf(rate("percent", compose(noun, predicate, passive)), noun, action.firstVerb);
}

/** Reads the measure of one figure from the words before it (its action or subject) and after it. */
export function measureFromClause(
  spot: Spot,
  nounText: string | undefined,
  nounEnd: number | undefined,
): Measure {
  const kind = spot.figure.kind;
  const noun = (nounText ?? "")
    .replace(/\/\s*(?:ngày|tháng|năm|tuần|giờ|giây|phút|người|hồ sơ|thẻ|giao dịch|lượt|CSKD|đơn vị)$/iu, "")
    .trim();
  const ownPredicate = predicateAfter(spot.sentence, nounEnd ?? spot.figure.end);
  const left = leftOf(spot);
  // A predicate shared with coordinated figures after it applies only when nothing before the figure acts on it.
  const acted = Boolean(actionOf(left.tail).verb) && !endsWithPhrase(left.tail, EXISTENTIALS);
  const predicate = ownPredicate || (acted ? "" : skippedPredicate(spot, nounEnd));
  const clause: Clause = {
    spot,
    noun,
    ...(nounEnd !== undefined ? { nounEnd } : {}),
    predicate,
    // `tốc độ tăng trưởng vượt 20%/năm`: `vượt` reads as a copula, not as the subject's verb.
    tail: left.tail.replace(/(?:^|\s+)vượt\s*$/iu, ""),
  };

  // `(trung bình 1,5 triệu lượt/ngày)` after `500 triệu lượt truy cập`: a bare classifier names the same acts.
  if (/^(?:lượt|lần)$/u.test(noun)) {
    const fuller = spot.done.findLast((done) => done.noun?.startsWith(`${noun} `));
    if (fuller) return fuller.measure;
  }
  const insideAside = Boolean(enclosingParen(spot.sentence, spot.figure.start));
  const lengthBefore = endsWithPhrase(left.tail, Object.keys(LENGTH_ADJECTIVES));
  if (MEASUREMENT_UNITS.test(noun) && !lengthBefore && (insideAside || !endsWithPhrase(left.tail, COPULAS))) {
    const paren = enclosingParen(spot.sentence, spot.figure.start);
    const outerText = spot.sentence.slice(
      clauseStart(spot.sentence, paren ? paren.open : spot.figure.start),
      paren ? paren.open : spot.figure.start,
    );
    const outer = subjectOf(
      outerText
        .replace(/\s+(?:duy trì|đạt|là|tăng|giảm|dài|(?<!(?:băng|mở)\s+)rộng)(?:\s.*)?$/u, "")
        .replace(/\s+\d.*$/u, ""),
    );
    // A speed names itself as one: `Internet cố định băng rộng (250,56 Mbps)` is its speed.
    const speed =
      SPEED_UNITS.test(noun) && !/^tốc độ/iu.test(outer) ? compose("tốc độ", lowerFirst(outer)) : outer;
    if (outer) return measureOf(speed, speed);
  }
  // A figure continuing a list reads as the list's first figure did, unless it says something of its own.
  if (left.sharedWith) {
    const shared = left.sharedWith.measure.text;
    const sharedNoun = left.sharedWith.noun ?? "";
    if (kind === "money" && noun) {
      // `thanh toán 5.448 tỷ đồng tiền điện nước và 643 tỷ đồng viễn thông`: the list's act carries over.
      const act = left.sharedWith.measure.action;
      return measureOf(
        compose(
          "số tiền",
          noun,
          act && !/^(?:được|đã|chưa|đang)\s/u.test(`${ownPredicate} `) ? `được ${act}` : "",
          ownPredicate,
        ),
        "số tiền",
        act,
      );
    }
    if (ownPredicate && noun) {
      // `1,79 triệu lượt tại các Sân bay` after `12 nghìn lượt tuyên truyền tại …`: the act carries over;
      // `846 nhiệm vụ cụ thể của các bộ, ngành` in a breakdown keeps what was done to the whole.
      const act =
        CLASSIFIER_NOUNS.test(noun) && !/^(?:lượt|lần)\s/u.test(noun) ? left.sharedWith.measure.action : "";
      const suffix =
        !act && sharedNoun && shared.startsWith(sharedNoun) && left.sharedWith.kind === kind
          ? shared.slice(sharedNoun.length)
          : "";
      const ownVerb =
        /^(?:đã|đang|chưa|được|có|sẽ|không|cần|phải)\s/u.test(`${ownPredicate} `) ||
        (actionOf(ownPredicate).verb !== "" && actionOf(ownPredicate).subject === "");
      return measureOf(
        rate(kind, compose(noun, act, ownPredicate, ownVerb ? "" : suffix)),
        noun,
        act || (ownVerb ? "" : left.sharedWith.measure.action),
      );
    }
    if (noun && sharedNoun && shared.startsWith(sharedNoun) && left.sharedWith.kind === kind)
      return measureOf(
        compose(noun, ownPredicate || shared.slice(sharedNoun.length)),
        noun,
        left.sharedWith.measure.action,
      );
  }
  const special = rankMeasure(clause) ?? multipleMeasure(clause);
  if (special) return special;
  const preposition = prepositionEnding(clause.tail);
  if (preposition) return prepositionMeasure(clause, preposition);
  const copula = endsWithPhrase(clause.tail, [...COPULAS, ...Object.keys(LENGTH_ADJECTIVES)]);
  const verbCopula =
    spot.figure.verb === "đạt" ||
    spot.figure.verb === "ước đạt" ||
    spot.figure.verb === "vượt" ||
    /(?:^|\s)vượt\s*$/iu.test(left.tail);
  if (copula || (verbCopula && clause.tail && !actionOf(clause.tail).verb))
    return copulaMeasure(clause, copula ?? "");
  const existential = endsWithPhrase(clause.tail, EXISTENTIALS);
  const action = existential ? actionOf("") : actionOf(clause.tail);
  if (kind === "money") return moneyMeasure(clause);
  if (kind === "percent") return percentMeasure(clause, action);
  if (CHANGE_VERBS.has(spot.figure.verb ?? "") && action.subject && !action.verb)
    return measureOf(subjectOf(action.subject), action.subject);
  if (
    CHANGE_VERBS.has(spot.figure.verb ?? "") &&
    /^(?:làm|giúp|đưa)$/u.test(action.verb) &&
    action.object &&
    !noun
  )
    return measureOf(action.object, action.object);
  if (DURATION_NOUN.test(noun))
    return measureOf(
      compose("thời gian", action.action || subjectOf(clause.tail)),
      "thời gian",
      action.firstVerb,
    );
  if (STEP_NOUNS.test(noun) && action.object)
    return measureOf(compose(noun, action.object), noun, action.firstVerb);
  if (!action.verb) return measureOf(compose(noun, predicate) || noun || capWords(action.subject, 10), noun);
  if (CLASSIFIER_NOUNS.test(noun))
    return measureOf(compose(noun, noun.includes(" ") ? "" : action.verb, predicate), noun, action.firstVerb);
  if (/^(?:được|chưa được|đã được|đã|đang|chưa)\s/u.test(`${predicate} `))
    return measureOf(compose(noun, predicate), noun, action.firstVerb);
  if (!noun) return measureOf(action.action, action.action, action.firstVerb);
  // `chủ trì họp 33 buổi họp`: the action's last word repeating the noun is dropped.
  const headWord = noun.split(/\s+/).at(-1) ?? "";
  const actionText = action.action.endsWith(` ${headWord}`)
    ? action.action.slice(0, -headWord.length - 1)
    : action.action;
  action.action = actionText;
  const passive = action.action.startsWith("chưa ")
    ? `chưa được ${action.action.slice(5)}`
    : `được ${action.action}`;
  const negatedBody =
    action.action.startsWith("chưa ") && isOwner(action.subject) ? `của ${action.subject}` : "";
  // `» Công an tỉnh: chủ trì 11 dịch vụ công`: a lead naming a body assigns what follows to it.
  const lead = tidy((/^(.{2,60}?):\s/u.exec(spot.sentence)?.[1] ?? "").replace(/^[»\-–+•\s\d.]+/u, ""));
  const leadIsBody = lead && /^\p{Lu}/u.test(lead) && words(lead).length <= 12 && isOwner(lead);
  const assignedBy =
    leadIsBody && !action.subject && clauseStart(spot.sentence, spot.figure.start) > 0 ? lead : "";
  if (assignedBy) return measureOf(compose(noun, "do", assignedBy, action.action), noun, action.firstVerb);
  // `Dịch vụ công liên thông “Đăng ký khai tử – …” đã tiếp nhận 285.954 hồ sơ`: a named subject says whose.
  const namedSubject =
    /“\p{Lu}[^”]*”/u.test(action.subject) &&
    words(action.subject).length <= 30 &&
    !actionOf(words(action.subject).slice(0, 2).join(" ")).verb
      ? `của ${lowerFirst(tidy(action.subject.replace(LEADING_BULLET, "")))}`
      : "";
  return measureOf(compose(noun, passive, negatedBody || namedSubject), noun, action.firstVerb);
}
