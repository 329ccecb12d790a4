import { describe, expect, it } from "vitest";
import { findDates } from "../core/dates";
import { splitSentences } from "../core/sentences";
import type { CleanDocument, Deadline } from "../core/types";
import { responsibleBody } from "../ingest/deadline-body";
import { dueDatesIn } from "../ingest/due-dates";
import { markLateFromLaterReports } from "../ingest/late-deadlines";
import { subjectOf } from "../ingest/subject-phrase";
import { testIndex } from "./support/desk";

/**
 * The deadline register on the real reports: which dates are limits, who must act, limits set by
 * headings, and "reported late". Every case is a sentence of the bundled corpus.
 */
const CONCLUSION = "ket-luan";
const REPORT_290 = "bao-cao-290";
const REVIEW = "bao-cao-tong-ket";

function documentOf(prefix: string): CleanDocument {
  const found = testIndex().documents.find((document) => document.meta.id.startsWith(prefix));
  if (!found) throw new Error(`no document ${prefix}`);
  return found;
}

/** The real sentence of a report that contains the fragment. */
function sentenceWith(prefix: string, fragment: string): string {
  const found = splitSentences(documentOf(prefix).text).find((sentence) => sentence.text.includes(fragment));
  if (!found) throw new Error(`no sentence with "${fragment}"`);
  return found.text;
}

function deadlinesOf(prefix: string): Deadline[] {
  return testIndex().deadlines.filter((deadline) => deadline.docId.startsWith(prefix));
}

/** Deadlines of a report whose task or quoted sentence contains the fragment. */
function deadlinesWith(prefix: string, fragment: string): Deadline[] {
  return deadlinesOf(prefix).filter(
    (deadline) => deadline.task.includes(fragment) || deadline.sentence.includes(fragment),
  );
}

const dueDatesOf = (sentence: string) => dueDatesIn(sentence).map((mention) => mention.dueDate);

describe("date wording that sets a limit", () => {
  it("reads Tết Nguyên đán with its sexagenary name or year as the lunar new year's day", () => {
    const sentence = sentenceWith(CONCLUSION, "trong dịp Tết Nguyên đán");
    expect(findDates(sentence).find((mention) => mention.cue === "trong dip")).toMatchObject({
      text: "trong dịp Tết Nguyên đán Giáp Thìn 2024",
      dueDate: "2024-02-10",
      precision: "day",
    });
    expect(findDates("đến Tết Nguyên đán Ất Tỵ")[0]?.dueDate).toBe("2025-01-29");
    // An order's `… cho người đã có tài khoản` describes who is paid; the order still has its limit.
    expect(dueDatesOf(sentence)).toEqual(["2024-02-10"]);
  });

  it("dates an event by the month in parentheses after it, and keeps both limits of one sentence", () => {
    const sentence = sentenceWith(REPORT_290, "vào kỳ họp thứ 9");
    expect(dueDatesIn(sentence).map((mention) => [mention.text, mention.dueDate])).toContainEqual([
      "vào kỳ họp thứ 9 (tháng 5/2025)",
      "2025-05-31",
    ]);
    expect(dueDatesOf(sentence)).toContain("2025-10-31");
  });

  it("keeps a second limit that is not within the first: Quý II, then quý IV", () => {
    expect(dueDatesOf(sentenceWith(REPORT_290, "hoàn thành trong Quý II/2025 để đảm bảo"))).toEqual([
      "2025-06-30",
      "2025-12-31",
    ]);
  });

  it("drops a year that only holds the completion date of the same clause", () => {
    expect(dueDatesOf(sentenceWith(CONCLUSION, "1. Ban hành Kế hoạch triển khai Đề án 06"))).toEqual([
      "2024-01-31",
    ]);
  });

  it("reads a sentence-initial 'Đến hết 2025,' and 'Phấn đấu trong năm 2025,' as limits", () => {
    expect(dueDatesOf(sentenceWith(REPORT_290, "Đến hết 2025, 63/63 địa phương"))).toEqual(["2025-12-31"]);
    expect(dueDatesOf(sentenceWith(REPORT_290, "Phấn đấu trong năm 2025"))).toEqual(["2025-12-31"]);
  });

  it("ends a year at a full stop: 'nhân rộng toàn quốc trong năm 2025.'", () => {
    const [deadline] = deadlinesWith(REPORT_290, "nhân rộng toàn quốc");
    expect(deadline).toMatchObject({ dueDate: "2025-12-31", precision: "year", body: "Bộ Y tế" });
  });

  it("reads 'đảm bảo triển khai từ ngày …' as a limit, and a bare start date as none", () => {
    expect(
      dueDatesOf(sentenceWith(REVIEW, "đảm bảo triển khai từ ngày 01/01/2026 khi Nghị quyết có")),
    ).toEqual(["2026-01-01"]);
    expect(dueDatesOf(sentenceWith(REPORT_290, "(triển khai từ ngày 01/02/2025)"))).not.toContain(
      "2025-02-01",
    );
    expect(dueDatesOf(sentenceWith(REPORT_290, "Từ ngày 01/07/2024 đến nay"))).toEqual([]);
  });

  it("reads 'trong quý IV/2025' in an order ('đề nghị các đơn vị …') as a limit", () => {
    expect(dueDatesOf(sentenceWith(REPORT_290, "Do vậy, đề nghị các đơn vị khẩn trương số hóa"))).toEqual([
      "2025-12-31",
    ]);
  });

  it("reads 'đã … và có lộ trình hoàn thành' and 'đã cam kết sẽ hoàn thành' as limits, 'đã triển khai' as none", () => {
    expect(dueDatesOf(sentenceWith(REPORT_290, "có lộ trình hoàn thành trong Quý I/2025"))).toContain(
      "2025-03-31",
    );
    expect(dueDatesOf(sentenceWith(REVIEW, "đã cam kết sẽ hoàn thành trong năm 2025"))).toContain(
      "2025-12-31",
    );
    expect(dueDatesOf(sentenceWith(REVIEW, "đến 8/2025 đã lắp đặt"))).toEqual([]);
  });
});

describe("dates that are not limits", () => {
  it("leaves out budget, plan and open-ended scope years", () => {
    expect(dueDatesOf(sentenceWith(REPORT_290, "giải ngân nguồn vốn ngân sách trong năm 2024"))).toEqual([]);
    expect(
      dueDatesOf(sentenceWith(REPORT_290, "cần phải thực hiện trong năm 2024 và trong năm 2025")),
    ).toEqual([]);
    expect(dueDatesOf(sentenceWith(CONCLUSION, "trong năm 2024 và các năm tiếp theo"))).toEqual([]);
    expect(
      dueDatesOf(sentenceWith("vksndtc", "ban hành Kế hoạch triển khai Đề án 06 trong năm 2025")),
    ).toEqual([]);
  });

  it("leaves out recurring work, titles, cited documents and how long something lasts", () => {
    expect(dueDatesOf(sentenceWith(REPORT_290, "thực hiện thường xuyên trong năm 2025"))).not.toContain(
      "2025-12-31",
    );
    expect(dueDatesOf(sentenceWith(REVIEW, "định hướng đến năm 2030"))).toEqual([]);
    expect(dueDatesOf(sentenceWith(REVIEW, "về triển khai Đề án 06 trong năm 2025"))).toEqual([]);
    expect(dueDatesOf(sentenceWith(REVIEW, "áp dụng đến hết năm 2025"))).toEqual([]);
    expect(
      dueDatesOf(sentenceWith(REPORT_290, "thời gian ủy quyền tiếp tục tới hết năm 2025")),
    ).not.toContain("2025-12-31");
  });

  it("leaves out a framing sentence ('Để tiếp tục … trong Quý I/2025 và những tháng tiếp theo, …')", () => {
    expect(dueDatesOf(sentenceWith(REPORT_290, "và những tháng tiếp theo"))).toEqual([]);
    expect(deadlinesWith(REPORT_290, "và những tháng tiếp theo")).toEqual([]);
  });
});

describe("a limit set by a heading", () => {
  it("applies to a task listed under it that has no date of its own, quoting the heading", () => {
    const [deadline] = deadlinesWith(CONCLUSION, "Bạc Liêu, Bắc Ninh");
    expect(deadline).toMatchObject({
      dueDate: "2024-02-10",
      dueText: "từ nay đến Tết Nguyên đán Giáp Thìn 2024",
      sentence: "I. Triển khai các nhiệm vụ cấp bách từ nay đến Tết Nguyên đán Giáp Thìn 2024",
      body: "Chủ tịch Ủy ban nhân dân các tỉnh: Bạc Liêu, Bắc Ninh, Đắk Lắk, Hưng Yên, Phú Thọ, Quảng Trị, Vĩnh Long, Vĩnh Phúc",
    });
    expect(deadline?.task).toMatch(/^Yêu cầu Chủ tịch/u);
  });

  it("leaves tasks with their own date alone, and is not a task itself", () => {
    expect(deadlinesWith(CONCLUSION, "Phiếu lý lịch tư pháp").map((deadline) => deadline.dueDate)).toEqual([
      "2024-03-31",
    ]);
    expect(
      deadlinesOf(CONCLUSION).filter((deadline) => deadline.task.startsWith("Triển khai các nhiệm vụ")),
    ).toEqual([]);
  });
});

describe("what a limit covers", () => {
  it("gives a limit that opens a list ('đến năm 2025: …; …') every item of the list", () => {
    const [deadline] = deadlinesWith(REVIEW, "lộ trình Đề án 06 là đến năm 2025");
    expect(deadline?.dueDate).toBe("2025-12-31");
    expect(deadline?.task).toContain("80% dân số trưởng thành có điện thoại thông minh");
  });

  it("reads a sentence that reports back ('Báo cáo lộ trình … trong tháng 01/2025') with the task before it", () => {
    const [deadline] = deadlinesWith(
      REPORT_290,
      "Báo cáo lộ trình gửi Tổ Công tác triển khai Đề án 06/CP trong tháng 01",
    );
    expect(deadline?.dueText).toBe("trong tháng 01/2025");
    expect(deadline?.task).toMatch(
      /^Chỉ đạo rà soát thủ tục hành chính.*đính kèm giấy tờ.*Báo cáo lộ trình/u,
    );
  });
});

describe("who must do it", () => {
  const bodyOf = (prefix: string, fragment: string, dueDate: string) =>
    deadlinesWith(prefix, fragment).find((deadline) => deadline.dueDate === dueDate)?.body;

  it("keeps every body assigned together, and the list as the report prints it", () => {
    expect(bodyOf(CONCLUSION, "Giao Bộ Công an, Văn phòng Chính phủ tiếp thu", "2024-01-31")).toBe(
      "Bộ Công an, Văn phòng Chính phủ",
    );
    expect(bodyOf(CONCLUSION, "Yêu cầu 14 Bộ, cơ quan", "2024-03-31")).toMatch(
      /^14 Bộ, cơ quan: Lao động - Thương binh và Xã hội, .*, Ngân hàng Nhà nước Việt Nam$/u,
    );
    expect(bodyOf(CONCLUSION, "tái cấu trúc quy trình, nghiệp vụ", "2024-04-30")).toMatch(
      /^các Bộ, cơ quan: .*Tập đoàn Điện lực Việt Nam$/u,
    );
    // A sub-item marker glued to the previous item (`… hộ kinh doanh .⁽⁹⁾ Bộ …`) still opens a clause.
    expect(bodyOf(REPORT_290, "làm rõ định nghĩa, nội hàm", "2025-03-31")).toBe(
      "Bộ Thông tin và Truyền thông và Bộ Khoa học công nghệ",
    );
    // A parenthesis that describes the bodies is left out.
    expect(bodyOf(REPORT_290, "phối hợp Bộ Công an đồng bộ dữ liệu", "2025-12-31")).toBe(
      "Bộ Kế hoạch và Đầu tư, Bộ Nội vụ, Văn phòng Chính phủ",
    );
  });

  it("keeps a named list of provinces", () => {
    expect(bodyOf(REPORT_290, "UBND 04 địa phương", "2025-02-28")).toBe(
      "UBND 04 địa phương (Quảng Trị, Quảng Ngãi, Quảng Nam, Kiên Giang)",
    );
    expect(bodyOf(CONCLUSION, "Hoàn thành trước tháng 3 năm 2024", "2024-03-01")).toBe(
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: An Giang, Bà Rịa - Vũng Tàu, Bình Dương, Cần Thơ, Đắk Nông, Kiên Giang, Sóc Trăng, Tây Ninh, thành phố Hồ Chí Minh",
    );
  });

  it("takes the body from a lead-in inside the paragraph: 'a) Văn phòng Chính phủ: (i) …'", () => {
    const bodies = deadlinesOf(CONCLUSION)
      .filter((deadline) => deadline.task.startsWith("Chủ trì, phối hợp với"))
      .map((deadline) => deadline.body);
    expect(bodies).toEqual(["Văn phòng Chính phủ", "Văn phòng Chính phủ", "Văn phòng Chính phủ"]);
  });

  it("takes the body from the heading above: '(1) Về pháp lý: Bộ Thông tin và Truyền thông chưa hoàn thành …'", () => {
    const overdue = deadlinesWith(REPORT_290, "Phải hoàn thành trong");
    expect(overdue.map((deadline) => [deadline.dueDate, deadline.body, deadline.late])).toEqual([
      ["2024-09-30", "Bộ Thông tin và Truyền thông", true],
      ["2024-12-31", "Bộ Thông tin và Truyền thông", true],
    ]);
  });

  it("takes the body from a lead-in line ending with ':' above a list", () => {
    expect(bodyOf(REPORT_290, "Chương trình hành động của Chính phủ", "2025-01-31")).toBe(
      "Các bộ, ngành, địa phương",
    );
    expect(bodyOf(CONCLUSION, "1. Ban hành Kế hoạch triển khai Đề án 06", "2024-01-31")).toBe(
      "Các bộ, ngành, địa phương",
    );
  });

  it("gives a closing 'Phấn đấu hoàn thành …' sentence the body that leads the list item", () => {
    expect(bodyOf(CONCLUSION, "Phấn đấu hoàn thành trước 30 tháng 01 năm 2024", "2024-01-30")).toBe(
      "Bộ Kế hoạch và Đầu tư",
    );
  });

  it("finds the body assigned later in the sentence, and groups named by count", () => {
    expect(bodyOf(REPORT_290, "mỗi người dân Việt Nam có một tài khoản an sinh", "2025-12-31")).toBe(
      "Bộ Công an",
    );
    expect(bodyOf(REPORT_290, "Đến hết 2025", "2025-12-31")).toBe("63/63 địa phương");
    expect(bodyOf(REPORT_290, "Do vậy, đề nghị các đơn vị", "2025-12-31")).toBe("các đơn vị");
  });

  it("never takes who proposes or reports for who must act", () => {
    // Under `Để tiếp tục …, Tổ Công tác … kính đề xuất đồng chí Thủ tướng Chính phủ chỉ đạo:` a task that
    // names no body has none: the working group proposes it.
    const document = documentOf(REPORT_290);
    const sentence = splitSentences(document.text).find((candidate) =>
      candidate.text.startsWith("Thực hiện rà soát tài khoản của người dân trên VNeID"),
    );
    if (!sentence) throw new Error("no sentence on reviewing accounts");
    expect(subjectOf(sentenceWith(REPORT_290, "kính đề xuất đồng chí Thủ tướng"))?.verb).toBe("kính");
    expect(responsibleBody({ document, sentence, clause: { start: 0, end: sentence.text.length } })).toBe(
      undefined,
    );
  });
});

describe("reported late", () => {
  it("marks a deadline a later report calls late, and not one an earlier report does", () => {
    const conclusion = documentOf(CONCLUSION);
    const [deadline] = deadlinesWith(CONCLUSION, "quy chuẩn mới về dữ liệu");
    if (!deadline) throw new Error("no deadline for the data standard");
    const lateSentence =
      "Bộ Thông tin và Truyền thông chưa hoàn thành nghiên cứu, xây dựng quy chuẩn mới về dữ liệu và hướng dẫn việc tổ chức tích hợp, kết nối, liên thông, chia sẻ, sử dụng lại dữ liệu.";
    const report = (id: string, asOf: string): CleanDocument => ({
      ...conclusion,
      meta: { ...conclusion.meta, id, asOf },
      text: lateSentence,
    });
    const later = { ...deadline, late: false, lateNotes: [] };
    const earlier = { ...deadline, late: false, lateNotes: [] };
    markLateFromLaterReports([later], [conclusion, report("later-report", "2025-01")]);
    markLateFromLaterReports([earlier], [conclusion, report("earlier-report", "2023-06")]);
    expect(later).toMatchObject({
      late: true,
      lateNotes: [{ docId: "later-report", sentence: lateSentence }],
    });
    expect(earlier.late).toBe(false);
  });
});
