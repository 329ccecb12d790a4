import { describe, expect, it } from "vitest";
import { CONFIDENCE_FEATURES, calibrate, confidenceFeatures } from "../answer/confidence";
import { FEATURE_NAMES } from "../answer/features";
import { baggedIsotonicCalibration, isotonicCalibration } from "../answer/learn/calibrate";
import { buildExample } from "../answer/learn/examples";
import { fitLogistic, predict } from "../answer/learn/fit-logistic";
import { fitRanker, type RankingExample, topOneAccuracy } from "../answer/learn/fit-ranker";
import { generateQuestions } from "../answer/learn/generate-questions";
import { seededRandom } from "../answer/learn/random";
import { linearScore } from "../answer/rank";
import { answerModel, parseAnswerModel } from "../answer/weights";
import { fold } from "../core/text";
import { testIndex } from "./support/desk";

/** Questions of `count` candidates where only feature 0 tells the answer apart; feature 1 is noise. */
function rankingQuestions(count: number, seed: number): RankingExample[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const answer = Math.floor(random.next() * 5);
    const features = Array.from({ length: 5 }, (_, at) =>
      Float64Array.from([at === answer ? 0.6 + 0.4 * random.next() : 0.5 * random.next(), random.next()]),
    );
    return { features, positives: [answer], weight: 1 };
  });
}

describe("fitting the ranker", () => {
  it("learns the signal that picks the answer and holds on questions it did not see", () => {
    const weights = fitRanker(rankingQuestions(200, 1), 2);
    expect(weights[0]).toBeGreaterThan(Math.abs(weights[1] ?? 0) * 3);
    expect(topOneAccuracy(rankingQuestions(200, 2), weights)).toBeGreaterThan(0.9);
  });

  it("gives the same weights on every run", () => {
    expect([...fitRanker(rankingQuestions(50, 3), 2)]).toEqual([...fitRanker(rankingQuestions(50, 3), 2)]);
  });
});

describe("confidence", () => {
  it("fits a probability and calibrates it so that answers given with confidence c are right a share c of the time", () => {
    const random = seededRandom(4);
    // The chance of being right is the feature itself.
    const examples = Array.from({ length: 2000 }, () => {
      const signal = random.next();
      return { features: [signal], label: (random.next() < signal ? 1 : 0) as 0 | 1, weight: 1 };
    });
    const model = fitLogistic(examples, 1);
    expect(predict(model, [0.9])).toBeGreaterThan(predict(model, [0.1]));
    const calibration = isotonicCalibration(
      examples.map((example) => ({
        raw: predict(model, example.features),
        correct: example.label === 1,
        weight: 1,
      })),
    );
    const shares = calibration.map(([, share]) => share);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    for (const level of [0.5, 0.7]) {
      const given = examples.filter(
        (example) => calibrate(calibration, predict(model, example.features)) >= level,
      );
      const right = given.filter((example) => example.label === 1).length;
      expect(right / given.length).toBeGreaterThanOrEqual(level);
    }
  });
});

describe("calibration averaged over bootstrap samples", () => {
  it("lies closer to the true share than one isotonic staircase, and moves less when three answers change", () => {
    type Calibrator = typeof isotonicCalibration;
    const grid = Array.from({ length: 21 }, (_, at) => at / 20);
    const farthest = (gap: (raw: number) => number) => Math.max(...grid.map(gap));
    const totals = { plain: { error: 0, shift: 0 }, bagged: { error: 0, shift: 0 } };
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      // Answers whose raw probability is the true chance they are right.
      const points = Array.from({ length: 80 }, () => {
        const raw = random.next();
        return { raw, correct: random.next() < raw, weight: 1 };
      });
      const changed = points.map((point, at) => (at < 3 ? { ...point, correct: !point.correct } : point));
      for (const [name, calibrator] of [
        ["plain", isotonicCalibration],
        ["bagged", baggedIsotonicCalibration],
      ] as Array<["plain" | "bagged", Calibrator]>) {
        const map = calibrator(points);
        const after = calibrator(changed);
        totals[name].error += farthest((raw) => Math.abs(calibrate(map, raw) - raw));
        totals[name].shift += farthest((raw) => Math.abs(calibrate(map, raw) - calibrate(after, raw)));
        const shares = map.map(([, share]) => share);
        expect(shares).toEqual([...shares].sort((a, b) => a - b));
      }
    }
    expect(totals.bagged.error).toBeLessThan(totals.plain.error * 0.8);
    expect(totals.bagged.shift).toBeLessThan(totals.plain.shift * 0.8);
  });
});

describe("confidence by language", () => {
  /** The confidence features of a question's best answer, by name. */
  async function confidenceSignals(question: string): Promise<(name: string) => number> {
    const example = await buildExample(testIndex(), {
      question,
      origin: "dev",
      style: "dev",
      docId: "",
      gold: { kind: "unanswerable", numbers: [], answers: [], quote: "" },
    });
    const { weights } = answerModel().ranker;
    const ranked = example.candidates
      .map((candidate, at) => {
        const features = example.features[at] as Float64Array;
        return { candidate, features, score: linearScore(weights, features) };
      })
      .sort((a, b) => b.score - a.score);
    const values = confidenceFeatures(example.plan, ranked, false);
    return (name) => values[CONFIDENCE_FEATURES.indexOf(name)] ?? Number.NaN;
  }

  it("reads how much of the passage an English question covers with weights of its own", async () => {
    const english = await confidenceSignals("How many VNeID accounts have been approved?");
    const vietnamese = await confidenceSignals("Có bao nhiêu tài khoản VNeID đã được phê duyệt?");
    expect(english("englishContextCoverage")).toBeGreaterThan(0);
    expect(english("englishContextCoverage")).toBe(english("contextCoverage"));
    expect(vietnamese("contextCoverage")).toBeGreaterThan(0);
    expect(vietnamese("englishContextCoverage")).toBe(0);
    const { confidence } = answerModel();
    expect(confidence.weights[CONFIDENCE_FEATURES.indexOf("englishContextCoverage")]).toBeGreaterThan(0);
  });

  it("tells a question giving a whole and asking a part the passage does not print", async () => {
    const part = await confidenceSignals(
      "Trong 2.227.416 đối tượng bảo trợ xã hội đã được chi trả trợ cấp qua tài khoản, có bao nhiêu người là người cao tuổi?",
    );
    expect(part("givenTopicMissing")).toBe(1);
    const whole = await confidenceSignals(
      "Có bao nhiêu đối tượng bảo trợ xã hội đã được chi trả trợ cấp qua tài khoản là người cao tuổi?",
    );
    expect(whole("topicMissing")).toBe(1);
    expect(whole("givenTopicMissing")).toBe(0);
    const { confidence } = answerModel();
    expect(confidence.weights[CONFIDENCE_FEATURES.indexOf("givenTopicMissing")]).toBeLessThan(0);
  });

  it("tells a question about one member of a list of names from one about what the list counts", async () => {
    // "05 ngân hàng (Vietinbank, BIDV, Vietcombank, Agribank, MBbank) … hơn 17 triệu tài khoản": the
    // report gives the five banks' total, not Agribank's share.
    const member = await confidenceSignals(
      "Trong hơn 17 triệu tài khoản an sinh xã hội tích hợp trên VNeID, riêng Agribank có bao nhiêu tài khoản?",
    );
    expect(member("partListed")).toBe(1);
    const whole = await confidenceSignals(
      "Có bao nhiêu tài khoản an sinh xã hội của 05 ngân hàng được tích hợp trên VNeID?",
    );
    expect(whole("partListed")).toBe(0);
    const { confidence } = answerModel();
    expect(confidence.weights[CONFIDENCE_FEATURES.indexOf("partListed")]).toBeLessThan(0);
  });

  it("weighs an English counted noun the glossary translated and the passage lacks apart from a Vietnamese one", async () => {
    const pharmacies = await confidenceSignals(
      "According to the January 2025 report, how many pharmacies had been given electronic identification?",
    );
    expect(pharmacies("describedMissingEnglish")).toBeGreaterThan(0);
    expect(pharmacies("describedMissing")).toBe(0);
    const accounts = await confidenceSignals("How many VNeID accounts have been approved?");
    expect(accounts("describedMissingEnglish")).toBe(0);
    const vietnamese = await confidenceSignals(
      "Theo báo cáo tháng 1/2025, có bao nhiêu nhà thuốc đã được định danh điện tử?",
    );
    expect(vietnamese("describedMissing")).toBeGreaterThan(0);
    expect(vietnamese("describedMissingEnglish")).toBe(0);
  });
});

describe("training questions generated from the index", () => {
  const options = { seed: 11, perKind: 40, negativeShare: 0.3 };

  it("are the same for a seed, in every style, each labelled with the passage it was drawn from", () => {
    const index = testIndex();
    const questions = generateQuestions(index, options);
    expect(generateQuestions(index, options)).toEqual(questions);
    const styles = new Set(questions.map((question) => question.style));
    for (const style of ["formal", "paraphrase", "chat", "english", "dated", "absent"])
      expect(styles).toContain(style);
    for (const question of questions) {
      if (question.gold.kind === "unanswerable") {
        expect(question.gold.quote).toBe("");
        continue;
      }
      const text = fold(index.documentsById.get(question.docId)?.text ?? "");
      expect(text).toContain(fold(question.gold.quote));
    }
  });

  it("change only where the index changed: one figure fewer leaves every other item's questions as they were", () => {
    const index = testIndex();
    const everyItem = { ...options, perKind: 100_000 };
    const alone = index.figures.find(
      (figure) => index.figures.filter((other) => other.sentence === figure.sentence).length === 1,
    );
    const questions = generateQuestions(index, everyItem);
    const fewer = generateQuestions(
      { ...index, figures: index.figures.filter((figure) => figure !== alone) },
      everyItem,
    );
    const before = new Set(questions.map((question) => question.question));
    const after = new Set(fewer.map((question) => question.question));
    expect(fewer.filter((question) => !before.has(question.question))).toEqual([]);
    const gone = questions.filter((question) => !after.has(question.question));
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.length).toBeLessThanOrEqual(3);
  });

  it("narrow what a figure counts to a part its report does not break out, as a question to refuse", () => {
    const questions = generateQuestions(testIndex(), { ...options, perKind: 400 });
    const narrowed = questions.filter(
      (question) =>
        question.style === "absent" &&
        /\b(nong thon|nuoc ngoai|phu nu|nguoi cao tuoi|dan toc thieu so|khuyet tat)\b/.test(
          fold(question.question),
        ),
    );
    expect(narrowed.length).toBeGreaterThan(3);
  });

  it("ask one member of a list of names a figure counts as a whole, as a question to refuse", () => {
    const questions = generateQuestions(testIndex(), { ...options, perKind: 100_000 });
    const members = questions.filter(
      (question) =>
        question.style === "absent" &&
        /\brieng (vietinbank|bidv|vietcombank|agribank|mbbank)\b/.test(fold(question.question)),
    );
    expect(members.length).toBeGreaterThan(0);
    // The other members are left out: the question names one bank, not the list.
    for (const question of members)
      expect(fold(question.question).match(/vietinbank|bidv|vietcombank|agribank|mbbank/g)).toHaveLength(1);
  });

  it("ask the date of a document a report cites by its number, answered by the date printed after it", () => {
    const questions = generateQuestions(testIndex(), { ...options, perKind: 100_000 });
    const cited = questions.filter(
      (question) => question.gold.kind === "date" && /\b206\/qd ?-?ttg\b/.test(fold(question.question)),
    );
    expect(cited.length).toBeGreaterThan(0);
    // "Quyết định số 206/QĐ-TTg ngày 28/02/2024"
    for (const question of cited) expect(question.gold.answers).toContain("2024-02-28");
  });

  it("type chat questions without marks and English ones in English", () => {
    const questions = generateQuestions(testIndex(), options);
    for (const question of questions.filter((item) => item.style === "chat"))
      expect(question.question).toBe(fold(question.question));
    for (const question of questions.filter((item) => item.style === "english"))
      expect(question.question).toMatch(
        /^(How many|What share of|How much|By when must|When|Since when|Which agency|According to)/,
      );
  });
});

describe("labels", () => {
  it("credit a sentence answer with the footnote list it quotes after it", async () => {
    const example = await buildExample(testIndex(), {
      question:
        "Tổ công tác đã phối hợp với những doanh nghiệp công nghệ nào để khảo sát, nhận diện điểm nghẽn?",
      origin: "dev",
      style: "dev",
      docId: "bao-cao-tong-ket-de-an-06-2025",
      gold: {
        kind: "fact",
        numbers: [],
        answers: ["Tecapro"],
        quote: "Viettel, VNPT, FPT, CMC, Tecapro, Gtel, Mobifone",
      },
    });
    const answering = example.positives.map((at) => example.candidates[at]?.sentence.spot.sentence ?? "");
    // The footnote itself, and the sentence whose marker points to it ("07 tập đoàn, doanh nghiệp⁹").
    expect(answering.some((sentence) => sentence.includes("Tecapro"))).toBe(true);
    expect(answering.some((sentence) => sentence.includes("07 tập đoàn, doanh nghiệp"))).toBe(true);
  });
});

describe("the fitted model", () => {
  it("is the one in answer/weights.json, fitted for the features the code computes", () => {
    const model = answerModel();
    expect(model.ranker.features).toEqual(FEATURE_NAMES);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
  });

  it("refuses a weights file fitted for other features, saying how to refit", () => {
    const stale = { ...answerModel(), ranker: { features: ["oldFeature"], weights: [1] } };
    expect(() => parseAnswerModel(stale, "weights.json")).toThrow(/npm run fit/);
  });
});
