import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { answer } from "../answer/answer";
import type { Answer } from "../answer/answer-types";
import { isDocumentReferenceDate, referenceNamed, SEARCH_DEPTH, sentencesOfHits } from "../answer/candidates";
import { ungroundedNumbers } from "../answer/grounding";
import { createChatPhraser } from "../answer/phrase-with-llm";
import { answerModel } from "../answer/weights";
import { findDates } from "../core/dates";
import { DeskError } from "../core/errors";
import { search } from "../index/search";
import { testDeps, testIndex } from "./support/desk";

const ask = (question: string, extra: { lang?: "vi" | "en"; asOf?: string } = {}) =>
  answer(testDeps(), { question, ...extra });

async function expectLeadFigure(question: string, figure: string): Promise<void> {
  const result = await ask(question);
  expect(result.status).toBe("answered");
  expect(result.figures[0]?.text).toBe(figure);
}

function expectGrounded(result: Answer): void {
  const derived = result.deadlines.flatMap((deadline) => [deadline.dueDate]).concat("2025-02-15");
  expect(ungroundedNumbers(result.answer, result.citations, derived)).toEqual([]);
}

describe("figures", () => {
  it("answers an unaccented question with the newest figure, its source and the older figures", async () => {
    const result = await ask("co bao nhieu tai khoan vneid");
    expect(result.status).toBe("answered");
    expect(result.figures[0]?.text).toBe("67 triệu");
    expect(result.answer.split("\n")[0]).toContain("67 triệu tài khoản VNeID");
    const lead = result.citations[result.figures[0]?.citation ?? -1];
    expect(lead?.doc).toBe("bao-cao-tong-ket-de-an-06-2025");
    expect(lead?.quote).toContain("phê duyệt 67 triệu tài khoản VNeID");
    // The December 2023 conclusion printed a larger-looking figure for another measure (accounts issued,
    // not approved): it is not an earlier value of this one.
    expect(result.figures[0]?.measure).toContain("phê duyệt");
    const issued = result.figures.find((figure) => figure.text === "trên 70 triệu");
    expect(issued).toBeDefined();
    expect(issued?.series).not.toBe(result.figures[0]?.series);
    expect(result.answer).toMatch(
      /Số liệu liên quan: trên 70 triệu tài khoản định danh điện tử \(tài khoản định danh điện tử được cấp\) — 21\/12\/2023/,
    );
    expectGrounded(result);
  });

  it("leads with the newest value of the measure even when the best match is an older report's sentence", async () => {
    // The December 2023 conclusion prints 30,24% in a sentence with three other rates; Report 290 prints
    // the January 2025 value of the same measure.
    const result = await ask("ty le ho so truc tuyen cua bo nganh");
    expect(result.status).toBe("answered");
    expect(result.figures[0]?.text).toBe("59,57%");
    expect(result.figures.map((figure) => figure.text)).toContain("30,24%");
    expectGrounded(result);
  });

  it("answers for the time the question names", async () => {
    const result = await ask("How many chip-based citizen ID cards had been issued by January 2025?");
    expect(result.status).toBe("answered");
    expect(result.lang).toBe("en");
    expect(result.figures[0]?.text).toBe("trên 87,9 triệu");
    const citation = result.citations[result.figures[0]?.citation ?? -1];
    expect(citation?.number).toBe("290/BC-TCTTKĐA");
    expect(citation?.date).toBe("2025-02-04");
    expect(result.answer).toMatch(/as of 01\/2025/);
    expectGrounded(result);
  });

  it("never answers a question naming a time with a figure of another time, however well it matches", async () => {
    // The final review's 285.954 (11/2025) matches "dịch vụ công liên thông … khai tử" best; Report 290
    // counts the death registrations of January 2025.
    const result = await ask("thang 1/2025 phan mem dvc lien thong da nhan bn ho so dang ky khai tu");
    expect(result.status).toBe("answered");
    expect(result.answer).toContain("132.541");
    expect(result.answer).not.toContain("285.954");
    expect(result.citations[0]?.number).toBe("290/BC-TCTTKĐA");
  });

  it("prefers the figure whose counted noun matches the question among several in one sentence", async () => {
    const result = await ask(
      "Kết luận hội nghị tháng 12/2023 ghi nhận có bao nhiêu tổ công tác Đề án 06 cấp xã?",
    );
    expect(result.figures[0]?.text).toBe("10.599");
  });

  it("takes a province's figure from a list of provinces, read as one name", async () => {
    // "Điện Biên (33,25%), Hà Nam (27,72%), Hà Tĩnh (25,88%)": each figure belongs to the name before it,
    // and "Hà Nam" is a province, not "hà" and "năm".
    await expectLeadFigure("ha nam tich hop so suc khoe dien tu cho bao nhieu % dan so", "27,72%");
    await expectLeadFigure(
      "Hà Tĩnh đã tích hợp Sổ sức khỏe điện tử cho bao nhiêu phần trăm dân số?",
      "25,88%",
    );
  });

  it("tells the figures of one sentence apart by the action the question counts", async () => {
    // "Đã hoàn thành 436 nhiệm vụ, thực hiện thường xuyên 176 nhiệm vụ, đang triển khai 497 nhiệm vụ".
    await expectLeadFigure("Có bao nhiêu nhiệm vụ Đề án 06 đang triển khai?", "497");
    await expectLeadFigure("bao nhieu nhiem vu de an 06 duoc thuc hien thuong xuyen", "176");
  });

  it("finds a name's long wording printed apart in the sentence ('tài khoản' … 'định danh điện tử')", async () => {
    // The January 2025 report: "thu nhận trên 80,1 triệu hồ sơ định danh điện tử …, kích hoạt trên 60 triệu
    // tài khoản" — it never prints "tài khoản VNeID" there.
    await expectLeadFigure(
      "Có bao nhiêu tài khoản VNeID được kích hoạt tính đến tháng 1/2025?",
      "trên 60 triệu",
    );
    await expectLeadFigure("How many VNeID accounts had been activated by January 2025?", "trên 60 triệu");
  });

  it("reads a sentence opening on its verb with the subject of the sentence before", async () => {
    // "Trong giai đoạn 2022–2025, các bộ, ngành, địa phương … thực hiện 1.159 nhiệm vụ … . Đã hoàn thành
    // 436 nhiệm vụ, …": the bodies that completed 436 tasks are named only in the sentence before.
    await expectLeadFigure(
      "Trong giai đoạn 2022–2025 các bộ ngành địa phương đã hoàn thành được bao nhiêu nhiệm vụ?",
      "436",
    );
    await expectLeadFigure("cac bo nganh dia phuong da hoan thanh bao nhieu nhiem vu de an 06", "436");
  });

  it("answers two figures asked together from the sentence that prints both", async () => {
    // "Trong 04 năm triển khai, đã có tổng số 4.255.702 thí sinh thực hiện, với 96,7% thí sinh đăng ký
    // theo hình thức trực tuyến", not "khoảng 1 triệu thí sinh … /năm" of a sentence with one such figure.
    for (const question of [
      "Bao nhiêu thí sinh đăng ký dự thi tốt nghiệp THPT, bao nhiêu % trong số đó đăng ký trực tuyến?",
      "How many candidates registered for the high school graduation exam, and what percentage registered online?",
    ]) {
      const result = await ask(question);
      expect(result.status).toBe("answered");
      expect(result.figures.slice(0, 2).map((figure) => figure.text)).toEqual(["4.255.702", "96,7%"]);
    }
  });

  it("answers a count and a share asked together with that count's share, not the count beside it", async () => {
    // "… trong đó 1.697 người làm chuyên trách (55,6%) và 1.357 người kiêm nhiệm (44,4%)."
    const result = await ask("ubnd cac dia phuong co 3.054 can bo cntt thi bn nguoi kiem nhiem, chiem bn %");
    expect(result.figures.slice(0, 2).map((figure) => figure.text)).toEqual(["1.357", "44,4%"]);
    // Asked for the share alone ("chiếm tỷ lệ bao nhiêu"), the share printed after its count answers.
    await expectLeadFigure(
      "Trong 3.054 cán bộ, công chức công nghệ thông tin của các địa phương, số người làm chuyên trách chiếm tỷ lệ bao nhiêu?",
      "55,6%",
    );
  });

  it("answers two figures asked together that two sentences print, each with its own quote", async () => {
    const result = await ask(
      "Cấp Phiếu lý lịch tư pháp trên VNeID tiết kiệm cho người dân khoảng bao nhiêu tiền, và việc giảm phục vụ tại trụ sở cơ quan nhà nước tiết kiệm bao nhiêu mỗi năm?",
    );
    expect(result.status).toBe("answered");
    const texts = result.figures.map((figure) => figure.text);
    expect(texts).toContain("khoảng 10 tỷ đồng");
    expect(texts).toContain("hơn 40 tỷ đồng/năm");
    for (const text of ["khoảng 10 tỷ đồng", "hơn 40 tỷ đồng/năm"]) {
      const figure = result.figures.find((item) => item.text === text);
      expect(result.citations[figure?.citation ?? -1]?.quote).toContain(text.replace("/năm", ""));
    }
    expectGrounded(result);
  });

  it("tells a sector's contribution to the digital economy from the other sectors' in one list", async () => {
    // "(1) Trên lĩnh vực ngân hàng, đóng góp khoảng 4.000 tỷ đồng …", "(2) Trong lĩnh vực y tế, … 1.175 tỷ
    // đồng …": to "add to" the economy is to contribute to it, and "how much did the health sector" counts no sector.
    const health = await ask(
      "How much did the health sector add to the digital economy thanks to Project 06, according to the final review?",
    );
    expect(health.status).toBe("answered");
    expect(health.answer).toContain("1.175 tỷ đồng");
    // A topic typed with a question mark asks for its figure too.
    const transport = await ask("transport sector's contribution to the digital economy?");
    expect(transport.answer).toContain("8.900 tỷ đồng");
  });

  it("answers a figure asked of two names, one by one", async () => {
    const result = await ask("Hà Nội và Thanh Hóa có bao nhiêu hồ sơ đăng ký khai sinh?");
    expect(result.status).toBe("answered");
    const texts = result.figures.map((figure) => figure.text);
    expect(texts).toContain("32.354");
    expect(texts).toContain("32.236");
    expectGrounded(result);
  });

  it("reads a footnote with the sentence whose marker points to it", async () => {
    // "Hiện còn 9 nhiệm vụ chậm tiến độ,¹ …" — the footnote lists them by ministry without saying "chậm".
    const result = await ask(
      "Trong số các nhiệm vụ chậm tiến độ nêu tại hội nghị 2 năm Đề án 06, Bộ Thông tin và Truyền thông còn bao nhiêu nhiệm vụ?",
    );
    expect(result.status).toBe("answered");
    expect(result.figures[0]?.text).toBe("05");
    expect(result.citations[0]?.quote).toContain("Bộ Thông tin và Truyền thông có 05 nhiệm vụ");
  });

  it("reads the chat word for learners ('người học') as the reports' 'học viên'", async () => {
    const result = await ask("Bình dân học vụ số có bao nhiêu người học tham dự?");
    expect(result.answer.split("\n")[0]).toMatch(/^399\.912 học viên/);
  });

  it("reads officials' shorthand and a slide's line-wrapped voltage", async () => {
    // "DN" is "doanh nghiệp"; unread, it was a required word no report prints, and the answer was refused.
    const shares = await ask(
      "Bao nhiêu % thông tin mã số thuế của người dân, DN đã được chuẩn hóa, làm sạch?",
    );
    expect(shares.answer.split("\n")[0]).toMatch(/^95% — /);
    const voltage = await ask("kh 51: dvc cap dien moi tu luoi dien ha ap la cap dien ap bn V");
    expect(voltage.status).toBe("answered");
    expect(voltage.answer).toContain("Cấp điện mới từ lưới điện hạ áp (220/380V)");
  });

  it("counts comrades as people, not money", async () => {
    const result = await ask(
      "Theo báo cáo tổng kết, Tổ Công tác đã được bổ sung thêm bao nhiêu đồng chí Bộ trưởng làm thành viên?",
    );
    expect(result.figures[0]?.text).toBe("05");
  });

  it("never answers with a number the question itself gives", async () => {
    const result = await ask(
      "Đối với 116 CSDL được giao theo Nghị quyết 71/NQ-CP, có bao nhiêu CSDL đã có nền tảng và được hình thành tập trung?",
    );
    expect(result.figures[0]?.text).toBe("32");
    // A ratio the question gives is given whole: "38/53" is not a document's number like "290/BC-…".
    const ratio = await ask(
      "Trong 38/53 dịch vụ công thiết yếu đã triển khai, có bao nhiêu dịch vụ được cung cấp toàn trình?",
    );
    expect(ratio.figures.map((figure) => figure.text).join(" ")).not.toContain("38/53");
  });

  it("answers 'how many of the N' with a ratio out of the N the question gives", async () => {
    // "53/105 CSDL đã xây dựng và chỉ sử dụng nội ngành": 105 is the total asked of, not the answer.
    await expectLeadFigure(
      "Trong 105 CSDL được giao theo Nghị quyết 71 và Nghị quyết 214, bao nhiêu CSDL đã xây dựng và chỉ sử dụng nội ngành?",
      "53/105",
    );
  });

  it("answers with a number the question prints only as part of a name", async () => {
    // "Ngân hàng Nhà nước Việt Nam: trong giai đoạn 2022 - 2025 đã ban hành 06 Kế hoạch …, 21 văn bản":
    // the "06" of "Đề án 06" names the programme, it does not give the count.
    await expectLeadFigure("Ngân hàng Nhà nước đã ban hành bao nhiêu kế hoạch triển khai Đề án 06?", "06");
  });

  it("finds a figure whose paragraph names its subject in an earlier passage", async () => {
    // "- Tập đoàn điện lực Việt Nam là một trong những đơn vị đầu tiên …" opens the paragraph; the passage
    // holding "… đã tiết kiệm được trên 30 tỷ đồng/năm" starts later in it and never says who saved.
    await expectLeadFigure(
      "Tập đoàn Điện lực Việt Nam tiết kiệm được bao nhiêu tiền mỗi năm?",
      "trên 30 tỷ đồng/năm",
    );
  });

  it("answers how many times a rate grew with the multiple, not a percentage", async () => {
    // "tỷ lệ … được nâng cao gấp 9 lần": the question names a rate but asks for its multiple.
    await expectLeadFigure(
      "Nhờ các khóa học trên Bình dân học vụ số, tỷ lệ người dân làm thủ tục trực tuyến được nâng lên gấp mấy lần?",
      "9",
    );
  });

  it("quotes percentages exactly as printed", async () => {
    const result = await ask(
      "Trong tháng 1/2025, tỷ lệ tài khoản định danh điện tử được kích hoạt so với tổng số hồ sơ thu nhận là bao nhiêu?",
    );
    expect(result.figures[0]?.text).toBe("73,03%");
    expectGrounded(result);
  });
});

describe("deadlines and dates", () => {
  it("gives a task's due date as printed and normalized, who must do it, and whether it is past due", async () => {
    const result = await ask(
      "Bộ Tư pháp phải phối hợp Bộ Công an triển khai cấp Phiếu lý lịch tư pháp trên VNeID tại Thừa Thiên Huế trong thời hạn nào?",
    );
    expect(result.status).toBe("answered");
    const [deadline] = result.deadlines;
    expect(deadline?.dueText).toContain("Quý I năm 2024");
    expect(deadline?.dueDate).toBe("2024-03-31");
    expect(deadline?.body).toBe("Bộ Tư pháp");
    expect(deadline?.status).toBe("past-due");
    expect(result.answer).toContain("31/03/2024");
    expectGrounded(result);
  });

  it("finds a due date several sentences after the task's body and object, in the same list item", async () => {
    // "5. Bộ Kế hoạch và Đầu tư chủ trì … bố trí kinh phí … Phấn đấu hoàn thành trước 30 tháng 01 năm 2024."
    const result = await ask(
      "Bộ Kế hoạch và Đầu tư phải phấn đấu hoàn thành việc bố trí kinh phí ngân sách Trung ương cho Đề án 06 trước ngày nào?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer).toContain("30/01/2024");
    expect(result.citations[0]?.doc).toBe("ket-luan-hoi-nghi-2-nam-de-an-06-2023-12-21");
  });

  it("dates every item of a list of goals its limit opens, and a report back by the task before it", async () => {
    // "… lộ trình Đề án 06 là đến năm 2025: 100% công dân …; … 80% dân số trưởng thành có điện thoại thông minh; …"
    const goal = await ask("Chỉ tiêu 80% dân số trưởng thành có điện thoại thông minh phải đạt vào năm nào?");
    expect(goal.status).toBe("answered");
    expect(goal.deadlines[0]?.dueText).toBe("đến năm 2025");
    // "… không yêu cầu người dân phải đính kèm giấy tờ khi dữ liệu đã được số hóa … Báo cáo lộ trình gửi Tổ
    // Công tác triển khai Đề án 06/CP trong tháng 01/2025"; the roadmap due in 02/2025 is another task's.
    const roadmap = await ask(
      "UBND các tỉnh phải gửi Tổ Công tác lộ trình không yêu cầu người dân đính kèm giấy tờ đã được số hóa khi nào?",
    );
    expect(roadmap.status).toBe("answered");
    expect(roadmap.deadlines[0]?.dueText).toBe("trong tháng 01/2025");
  });

  it("tells a version's date from the next version's", async () => {
    const result = await ask("When was version 3.0 of Vietnam's e-Government Architecture Framework issued?");
    expect(result.status).toBe("answered");
    expect(result.answer).toContain("29/12/2023");
  });

  it("dates a task whose due date opens the next passage", async () => {
    // "(ii) … xây dựng 01 mô hình mẫu về Bộ phận một cửa … trên địa bàn." ends one chunk; "Hoàn thành trong
    // năm 2024; (iii) …" opens the next. "Một cửa" is two stop syllables the index never pairs.
    const result = await ask("Văn phòng Chính phủ xây dựng mô hình mẫu Bộ phận một cửa phải xong khi nào?");
    expect(result.status).toBe("answered");
    expect(result.deadlines[0]?.dueText).toBe("trong năm 2024");
    expect(result.deadlines[0]?.body).toBe("Văn phòng Chính phủ");
  });

  it("never answers a 'when' question with a count from the passage", async () => {
    // The final review counts conferences ("22 hội nghị toàn quốc") but never dates its own conference.
    const result = await ask(
      "Hội nghị tổng kết Đề án 06 giai đoạn 2022–2025 do Thủ tướng chủ trì được tổ chức vào ngày nào?",
    );
    expect(result.figures).toEqual([]);
    expect(result.answer.split("\n")[0]).not.toMatch(/\b22 hội nghị/);
  });

  it("never answers a figure question with a date from the passage", async () => {
    // "Việt Nam đáp ứng 9–10/12 tiêu chí OSI … năm 2024": the year is not the score asked for.
    const result = await ask("What Online Service Index (OSI) score did Vietnam get in 2024?");
    expect(result.answer.split("\n")[0]).not.toMatch(/^năm 2024/);
  });

  it("does not answer what a share is now with the goal set for it", async () => {
    // The final review prints only the 2025 goal: "90% người dân, doanh nghiệp hài lòng …".
    const now = await ask(
      "Hiện nay tỷ lệ người dân hài lòng về việc giải quyết thủ tục hành chính là bao nhiêu?",
    );
    expect(now.status).toBe("not_found");
    const goal = await ask(
      "What share of GDP should the digital economy reach at minimum under Resolution 57?",
    );
    expect(goal.answer).toMatch(/^Target: at least 30%/);
    // The 2025 goal ("Kinh tế số chiếm 20% GDP") stands closest to the question; the figure reached is asked.
    const reached = await ask("By the end of 2024, what share of GDP did the digital economy account for?");
    expect(reached.figures[0]?.text).toBe("18,3%");
  });

  it("reads 'by what year … supposed to' as a question for the goal's year", async () => {
    const result = await ask(
      "Under the Project 06 roadmap, by what year was every citizen supposed to have an electronic identity created?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer).toContain("đến năm 2025: 100% công dân được tạo lập danh tính điện tử");
  });

  it("never answers when something is due with the date the question itself states", async () => {
    const result = await ask(
      "Theo kết luận hội nghị 2 năm, các bộ, ngành, địa phương phải ban hành Kế hoạch triển khai Đề án 06 năm 2024 trong thời hạn nào?",
    );
    expect(result.deadlines[0]?.dueText).toBeDefined();
    expect(result.deadlines[0]?.dueText).not.toBe("trong năm 2024");
  });

  it("lists what is due in a quarter, sorted by due date", async () => {
    const result = await ask("những việc phải hoàn thành trong Quý I/2024");
    expect(result.deadlines.length).toBeGreaterThan(3);
    const dueDates = result.deadlines.map((deadline) => deadline.dueDate);
    expect(dueDates).toEqual([...dueDates].sort());
    expect(dueDates.every((date) => date >= "2024-01-01" && date <= "2024-03-31")).toBe(true);
    expect(result.deadlines.some((deadline) => deadline.task.includes("Phiếu lý lịch tư pháp"))).toBe(true);
  });

  it("lists everything due up to a day asked 'trước' or 'by', not only that day's tasks", async () => {
    for (const question of [
      "nhiệm vụ nào phải xong trước 31/3/2025?",
      "which tasks are due by 31 March 2025?",
    ]) {
      const result = await ask(question);
      expect(result.answer.split("\n")[0]).toMatch(/(đến|up to) 31\/03\/2025/);
      const dueDates = result.deadlines.map((deadline) => deadline.dueDate);
      expect(dueDates.every((date) => date <= "2025-03-31")).toBe(true);
      expect(dueDates.some((date) => date < "2025-03-31")).toBe(true);
    }
  });

  it("lists a ministry's tasks, also when asked by when", async () => {
    for (const question of [
      "what must the Ministry of Health finish?",
      "what must Bộ Y tế finish and by when?",
      "Bộ Y tế phải hoàn thành những gì và khi nào?",
      "bo y te can lam nhung gi",
      "Những việc nào Bộ Y tế chưa hoàn thành?",
      "what is the Ministry of Health responsible for?",
    ]) {
      const result = await ask(question);
      expect(result.deadlines.length).toBeGreaterThan(1);
      expect(
        result.deadlines.every(
          (deadline) => deadline.body === "Bộ Y tế" || deadline.task.includes("Bộ Y tế"),
        ),
      ).toBe(true);
    }
  });

  it("lists the overdue tasks a named report set, reading its date as the report's, not a due period", async () => {
    const result = await ask("which tasks are overdue according to the January 2025 report?");
    expect(result.deadlines.length).toBeGreaterThan(1);
    for (const deadline of result.deadlines) {
      expect(deadline.status).toBe("past-due");
      expect(result.citations[deadline.citation]?.doc).toBe("bao-cao-290-bc-tcttkda-2025-02-04");
    }
  });

  it("answers how long a task is late with the delay, not the list of overdue tasks", async () => {
    const result = await ask(
      "Việc sửa đổi Nghị định 123 về hóa đơn, chứng từ của Bộ Tài chính đã chậm tiến độ bao lâu?",
    );
    expect(result.deadlines).toEqual([]);
    expect(result.answer).toMatch(/^06 tháng — /);
  });

  it.each([
    "Phó Thủ tướng nào được giao trực tiếp chỉ đạo Bộ Thông tin và Truyền thông xử lý các nhiệm vụ chậm tiến độ?",
    // The role asked may carry words of its own before "nào".
    "Kết luận hội nghị giao lãnh đạo Chính phủ nào trực tiếp chỉ đạo Bộ Thông tin và Truyền thông giải quyết các nhiệm vụ chậm, muộn?",
  ])(
    "answers who was tasked, not the list of overdue tasks, when the question asks for a person: %s",
    async (question) => {
      const result = await ask(question);
      expect(result.deadlines).toEqual([]);
      expect(result.answer).toContain("Phó Thủ tướng Chính phủ Trần Lưu Quang");
    },
  );

  it("lists the tasks a named report set for a month, reading the month as when they fall due", async () => {
    const result = await ask(
      "Theo kết luận hội nghị tháng 12/2023, những nhiệm vụ nào phải hoàn thành trong tháng 01 năm 2024?",
    );
    expect(result.deadlines.length).toBeGreaterThan(2);
    for (const deadline of result.deadlines) {
      expect(deadline.dueDate.slice(0, 7)).toBe("2024-01");
      expect(result.citations[deadline.citation]?.doc).toBe("ket-luan-hoi-nghi-2-nam-de-an-06-2023-12-21");
    }
  });

  it("quotes a task whose due date a heading gives together with that heading", async () => {
    // "I. Triển khai các nhiệm vụ cấp bách từ nay đến Tết Nguyên đán Giáp Thìn 2024" dates the tasks below it.
    const result = await ask("Những nhiệm vụ nào phải hoàn thành trong tháng 2 năm 2024?");
    const task = result.deadlines.find((deadline) => deadline.task.includes("Bạc Liêu"));
    expect(task?.dueText).toBe("từ nay đến Tết Nguyên đán Giáp Thìn 2024");
    const quote = result.citations[task?.citation ?? -1]?.quote ?? "";
    expect(quote).toContain("Tết Nguyên đán Giáp Thìn");
    expect(quote).toContain("Chỉ thị số 21/CT- TTg ngày 25 tháng 11 năm 2022");
    expectGrounded(result);
  });

  it("finds the date of an event", async () => {
    const result = await ask(
      "Hội nghị đánh giá tình hình 02 năm triển khai Đề án 06 do Thủ tướng chủ trì diễn ra ngày nào?",
    );
    expect(result.answer).toContain("21 tháng 12 năm 2023");
    expect(result.answer).toContain("2023-12-21");
  });

  it("reads a bare year after 'đến' as a year ('tầm nhìn đến 2035')", async () => {
    const result = await ask(
      "Đề án chuyển đổi số của Mặt trận Tổ quốc giai đoạn 2025–2030 có tầm nhìn đến năm nào?",
    );
    expect(result.answer.split("\n")[0]).toMatch(/^đến 2035 \(2035\)/);
  });

  it("names who signed a report from its signature block, and says so when a report has none", async () => {
    const report = await ask("Báo cáo 290 do ai ký?");
    expect(report.status).toBe("answered");
    expect(report.answer).toContain("Trung tướng Nguyễn Văn Long");
    expect(report.citations[0]?.quote).toContain("KT. TỔ TRƯỞNG");
    const conclusion = await ask("Who signed the conclusion of the December 2023 conference?");
    expect(conclusion.answer).toMatch(/^Signed by Trần Văn Sơn \(BỘ TRƯỞNG, CHỦ NHIỆM\)/);
    // The final review as published carries no signature: no passage of its text names a signer.
    expect((await ask("Ai ký báo cáo tổng kết Đề án 06?")).status).toBe("not_found");
  });

  it("names the body a subjectless task belongs to when the question asks which body", async () => {
    // "(8) Bộ Xây dựng triển khai …. Phối hợp với Bộ Công an …; Hướng dẫn UBND các tỉnh … đánh số, gắn biển
    // số nhà": the sentence that answers never names the ministry its paragraph opens with.
    const result = await ask("Bộ nào phải hướng dẫn các tỉnh đánh số, gắn biển số nhà?");
    expect(result.answer).toMatch(/^Bộ Xây dựng — Báo cáo số 290/);
    expect(result.citations[0]?.quote).toContain("gắn biển số nhà");
    // A sentence that says who acts keeps its own words.
    const named = await ask("bo nao dc giao huong dan ubnd cac tinh dat ten duong, pho, dia danh (bc 290)");
    expect(named.answer).toMatch(/^Báo cáo số 290[^"]*: "\(10\) Bộ Văn hóa, Thể thao và Du lịch chủ trì/);
  });

  it("gives a document's own date when the question names its number", async () => {
    // "… theo Nghị quyết số 175/NQ-CP ngày 30 tháng 10 năm 2023 …": a citation's date is the answer only
    // when the question asks about that document.
    const result = await ask(
      "What is the date of Government Resolution 175/NQ-CP approving the National Data Center project?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer.split("\n")[0]).toContain("2023-10-30");
    // Named by its number alone, in full words or in chat, the decision is found by that number.
    for (const question of ["Quyết định 766 của Thủ tướng ban hành ngày nào?", "qd 766 ban hanh ngay nao"]) {
      const dated = await ask(question);
      expect(dated.status).toBe("answered");
      expect(dated.answer.split("\n")[0]).toContain("2022-06-23");
    }
  });

  it("reads a number with its code before the slash (02-KH/BCĐTW), and leaves the date of another one cited beside it", async () => {
    // "… Kế hoạch 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương …", while another sentence cites
    // "Kế hoạch số 02-KH/BCĐTW, Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024": that is the resolution's date.
    const result = await ask("Kế hoạch 02-KH/BCĐTW của Ban Chỉ đạo Trung ương ban hành ngày nào?");
    expect(result.status).toBe("answered");
    expect(result.answer.split("\n")[0]).toContain("2025-06-19");
    const resolution = await ask("Nghị quyết 57-NQ/TW ban hành ngày nào?");
    expect(resolution.answer.split("\n")[0]).toContain("2024-12-22");
    // Were the plan's own sentence not found, the resolution's date would still not be the plan's.
    const cited =
      "thực hiện các nhiệm vụ trong Kế hoạch số 02-KH/BCĐTW, Nghị quyết số 57-NQ/TW ngày 22/12/2024";
    const [date] = findDates(cited);
    if (!date) throw new Error("no date read");
    expect(isDocumentReferenceDate(cited, date)).toBe(true);
    expect(referenceNamed("Kế hoạch 02-KH/BCĐTW ban hành ngày nào?", cited, date)).toBe(-1);
    // PDF extraction splits a code at its hyphen ("21/CT- TTg"): the date still cites the directive.
    const split = "theo Chỉ thị số 21/CT- TTg ngày 25 tháng 11 năm 2022 của Thủ tướng Chính phủ";
    const [directive] = findDates(split);
    if (!directive) throw new Error("no date read");
    expect(isDocumentReferenceDate(split, directive)).toBe(true);
  });
});

describe("every kind of question", () => {
  it("carries a confidence between 0 and 1 with every answer, and refuses below the threshold", async () => {
    const answered = await ask("co bao nhieu tai khoan vneid");
    const refused = await ask("phi kich hoat tai khoan dinh danh dien tu muc 2 la bao nhieu tien");
    const { threshold } = answerModel();
    expect(answered.status).toBe("answered");
    expect(answered.confidence).toBeGreaterThanOrEqual(threshold);
    expect(answered.confidence).toBeLessThanOrEqual(1);
    expect(refused.status).toBe("not_found");
    expect(refused.confidence).toBeLessThan(threshold);
    expect(refused.confidence).toBeGreaterThanOrEqual(0);
  });

  it("answers 'which provinces' with the sentence naming them, not the one about provinces in general", async () => {
    const result = await ask(
      "Which provinces did the December 2023 conclusion ask to urgently pay social benefits without cash?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer).toContain("Bạc Liêu, Bắc Ninh, Đắk Lắk");
  });

  it("selects the report a question names and answers from it", async () => {
    const result = await ask("theo bao cao thang 1/2025 co bn tai khoan dinh danh dien tu duoc kich hoat");
    expect(result.status).toBe("answered");
    expect(result.figures[0]?.text).toBe("trên 60 triệu");
    expect(result.citations[result.figures[0]?.citation ?? -1]?.doc).toBe(
      "bao-cao-290-bc-tcttkda-2025-02-04",
    );
  });

  it("reads who speaks in a report as the subject of its sentences ('Viện kiểm sát đề xuất …')", async () => {
    // The Procuracy's slides propose a lookup "theo mã hồ sơ" without naming the Procuracy in that sentence.
    const result = await ask(
      "Viện kiểm sát đề xuất tích hợp trên VNeID chức năng tra cứu thông báo kết quả giải quyết đơn thư theo thông tin gì?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer).toContain("theo mã hồ sơ");
    expect(result.citations[0]?.doc).toBe("vksndtc-slides-de-an-06-2025");
  });

  it("answers what a name stands for with the sentence that defines it", async () => {
    for (const question of ["Đề án 06 là gì?", "What is Project 06?"]) {
      const result = await ask(question);
      expect(result.status).toBe("answered");
      expect(result.answer).toContain("gọi tắt là Đề án 06");
      expect(result.citations[0]?.doc).toBe("bao-cao-tong-ket-de-an-06-2025");
    }
  });

  it("answers a where/who question with the sentence that says it, quoted and cited", async () => {
    const result = await ask(
      "Công dân đã có thẻ CCCD muốn đăng ký định danh điện tử mức 2 thì phải làm ở đâu?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer).toContain("cơ quan Công an");
    expect(result.figures).toEqual([]);
    expectGrounded(result);
  });

  it("gives an English answer line in English, the quote as printed", async () => {
    const result = await ask("How many VNeID accounts have been approved?");
    const [lead, quote] = result.answer.split("\n");
    expect(lead).toMatch(/^67 million VNeID account/);
    expect(quote).toContain("phê duyệt 67 triệu tài khoản VNeID");
    expectGrounded(result);
  });

  it("reads an English question's everyday words (countries, high, level) as the reports print them", async () => {
    const result = await ask(
      "What share of countries worldwide reached a high or very high e-government level in 2024?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer.split("\n")[0]).toMatch(/^71\.5%/);
    expect(result.answer).toContain("71,5% quốc gia đạt mức chính phủ điện tử cao hoặc rất cao");
    expectGrounded(result);
  });

  it("answers a range with both its ends, in English too", async () => {
    const result = await ask(
      "Instead of several working days, how many minutes does it now take to apply online at home for the graduation exam?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer.split("\n")[0]).toMatch(/^about 15-30 minutes/);
    expect(result.answer).toContain("khoảng 15-30 phút");
    expectGrounded(result);
  });

  it("puts a range's scale word on both its ends, and quotes it as printed", async () => {
    const result = await ask(
      "Cổng ký số tập trung VNeID tiết kiệm bao nhiêu tỷ đồng mỗi năm cho cơ quan, doanh nghiệp?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer.split("\n")[0]).toMatch(/^khoảng 2\.000 tỷ–10\.000 tỷ đồng\/năm/);
    expect(result.answer).toContain("tiết kiệm khoảng 2.000–10.000 tỷ đồng/năm");
    expectGrounded(result);
  });

  it("answers 'by how much … compared with' by the change, not the level beside it", async () => {
    // "… trên 24.375 tỷ đồng (tăng trên 3 nghìn tỷ đồng so với tháng 12/2024)".
    await expectLeadFigure(
      "Kinh phí chi trả an sinh xã hội không dùng tiền mặt đã tăng bao nhiêu so với tháng 12/2024?",
      "trên 3 nghìn tỷ đồng",
    );
    // "kích hoạt trên 60 triệu tài khoản (tăng khoảng 200 nghìn tài khoản so với tháng 12/2024 …)".
    await expectLeadFigure(
      "By how much did the number of accounts activated grow compared with December 2024?",
      "khoảng 200 nghìn",
    );
  });

  it("answers a question about revenue with an amount of money, not a count beside it", async () => {
    // "VETC triển khai mô hình thu phí bãi đỗ tại 300 điểm, ghi nhận doanh thu ~4,65 tỷ đồng".
    await expectLeadFigure("Doanh thu của VETC từ thu phí bãi đỗ là bao nhiêu?", "~4,65 tỷ đồng");
  });

  it("counts a million of something in the plural in English", async () => {
    const result = await ask("How many criminal record applications were filed through VNeID?");
    expect(result.answer.split("\n")[0]).toMatch(/^over 1 million applications/);
  });

  it("says in English what an amount is per, and its currency", async () => {
    const result = await ask(
      "According to the Procuracy slides, how much extra revenue a year are airlines expected to get from biometric check-in?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer.split("\n")[0]).toMatch(/250 million USD a year/);
    expectGrounded(result);
  });

  it("answers what is saved each year by the amount per year, its English thousands grounded by the print", async () => {
    // "giảm 2–3% thất thoát quỹ, tiết kiệm 500–1.000 tỷ đồng/năm": the share beside it is not what is saved,
    // and the English "1000" stands for the printed "1.000" (it once failed grounding: the quote alone was shown).
    const result = await ask(
      "By cutting losses from the health-insurance fund, how much does the health data coordination platform save each year?",
    );
    expect(result.answer.split("\n")[0]).toMatch(/^500 billion–1000 billion VND a year/);
    expectGrounded(result);
  });

  it("answers a whole and its part asked together from a sentence and the 'Trong đó' sentence after it", async () => {
    const result = await ask(
      "Bộ Công an xác định cần thu thập bao nhiêu trường thông tin cho Trung tâm dữ liệu quốc gia, và bao nhiêu trường trong đó đã số hóa?",
    );
    expect(result.status).toBe("answered");
    expect(result.figures.map((figure) => figure.text)).toEqual(expect.arrayContaining(["6.496", "2.311"]));
    const quotes = result.citations.map((citation) => citation.quote).join("\n");
    expect(quotes).toContain("Trong đó có 2.311 trường thông tin đã số hóa");
    expectGrounded(result);
  });

  it("does not take an English title written with capitals for a name the passage must print", async () => {
    // "the Prime Minister", "Party and State bodies": English capitalizes titles, the reports do not name them here.
    const result = await ask("When was Decree 179/2024 on talented people in Party and State bodies issued?");
    expect(result.status).toBe("answered");
    expect(result.answer.split("\n")[0]).toMatch(/^31\/12\/2024/);
    expectGrounded(result);
  });

  it("refuses a figure for a place whose figure no report gives", async () => {
    const result = await ask(
      "Thành phố Hà Nội hiện có bao nhiêu tài khoản định danh điện tử đã được kích hoạt?",
    );
    expect(result.status).toBe("not_found");
    expect(result.citations.length).toBeGreaterThan(0);
  });

  it("answers a date printed in the heading the passage stands under", async () => {
    const result = await ask(
      "Slide về Kế hoạch 51 xác định việc hoàn thiện dữ liệu dân cư “đúng, đủ, sạch, sống” và đẩy mạnh thu nhận hồ sơ, cấp căn cước gắn chip cho người dân trên địa bàn là nhiệm vụ trọng tâm của năm nào?",
    );
    expect(result.status).toBe("answered");
    // The answer line itself, not only the source label "…, 03/2022" or the section title.
    expect(result.answer.split(" — ")[0]).toContain("2022");
    expect(result.citations[0]?.section).toContain("NHIỆM VỤ TRỌNG TÂM NĂM 2022");
  });
});

describe("the passages read for candidates", () => {
  it("reads every hit scoring close to the best, and past the first five none far below it", async () => {
    const index = testIndex();
    const hits = await search({ index }, "co bao nhieu tai khoan vneid", { topK: SEARCH_DEPTH });
    expect(hits).toHaveLength(SEARCH_DEPTH);
    const deepest = (scores: number[]) =>
      Math.max(
        ...sentencesOfHits(
          index,
          hits.map((hit, rank) => ({ ...hit, score: scores[rank] ?? 0 })),
        ).map((sentence) => sentence.hitRank),
      );
    expect(deepest(hits.map(() => 1))).toBe(SEARCH_DEPTH - 1);
    expect(deepest(hits.map((_, rank) => (rank < 7 ? 1 : 0.5)))).toBe(6);
    expect(deepest(hits.map((_, rank) => (rank === 0 ? 1 : 0.3)))).toBe(4);
  });
});

describe("footnotes", () => {
  it("reads the footnote a figure's marker points to, in a passage the search did not return", async () => {
    // "58 CSDL²⁹ đang triển khai …": footnote 29 lists the 58 by ministry ("Bộ Y tế 10 CSDL"); footnotes
    // 28 and 30 list other groups, each with its own "Bộ Y tế".
    const result = await ask(
      "Theo chú thích của báo cáo tổng kết, trong 58 CSDL theo Nghị quyết 71/NQ-CP đang triển khai, Bộ Y tế có bao nhiêu CSDL?",
    );
    expect(result.status).toBe("answered");
    expect(result.citations[0]?.quote).toContain("Bộ Y tế 10 CSDL");
    expect(result.answer).not.toContain("Bộ Y tế 02 CSDL");
  });
});

describe("a long sentence quoted", () => {
  it("shows the part that answers, not its opening", async () => {
    // Item (13) of Report 290 runs through three duties; the provinces asked about close the third.
    const result = await ask(
      "Tỉnh nào đã tận dụng lại dữ liệu đất đai đã số hóa để cắt giảm thủ tục cư trú, theo Báo cáo 290?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer).toContain("Bình Dương, tỉnh Đồng Nai");
    expect(result.answer).not.toContain("(13) UBND các tỉnh");
  });
});

describe("questions the reports do not answer", () => {
  it.each([
    "Kế hoạch số 51/KH-UBND ngày 01/3/2022 về triển khai Đề án 06 là của tỉnh nào?",
    "phi kich hoat tai khoan dinh danh dien tu muc 2 la bao nhieu tien",
    "When did Noi Bai airport start biometric VNeID check-in for passengers?",
    // A count asked of a passage that prints no number ("tin báo tố giác … qua VNeID").
    "da co bao nhieu tin bao to giac toi pham gui qua vneid",
    // The passage prints only a plan's number and date ("Kế hoạch số 563/KH-UBND ngày 27/12/2024").
    "chien dich 15 ngay dem o bac ninh so hoa duoc bao nhieu du lieu ho tich",
    // The passage names other provinces, not Nghệ An.
    "Tỉnh Nghệ An đã nhận bao nhiêu hồ sơ cấp Phiếu lý lịch tư pháp qua VNeID?",
    // The reports count the samples collected "đến nay" (11/2025), not in 2022.
    "Bao nhiêu mẫu ADN thân nhân liệt sĩ đã được thu thập trong năm 2022?",
    // They give what going online saves people ("tiết kiệm khoảng 10 tỷ đồng"), never the fee.
    "Người dân phải nộp lệ phí bao nhiêu khi xin Phiếu lý lịch tư pháp trên VNeID?",
    "What is the fee for a criminal record certificate through VNeID?",
    // "tiết kiệm khoảng 10 tỷ đồng cho người dân chi phí đi lại": an amount saved on costs, not a cost.
    "Chi phí xây dựng ứng dụng VNeID là bao nhiêu tỷ đồng?",
    // "giảm 59% số vụ lừa đảo": a share of the cases, not how many were stopped.
    "Bao nhiêu vụ lừa đảo qua mạng đã bị ngăn chặn nhờ VNeID?",
    // "chi trả tiền hỗ trợ … với số tiền hơn 526 tỷ đồng": an amount paid, not how many people got it.
    "Bao nhiêu người dân được nhận tiền hỗ trợ dịp Quốc khánh 2/9 qua tài khoản an sinh trên VNeID?",
    // The slides only project it ("Dự kiến … tăng 50 triệu đô/năm"); the question asks what happened.
    "In reality, how much has ACV's revenue grown from biometric boarding at Tan Son Nhat?",
    // Nor by the sentence that projects it.
    "How much has ACV's revenue actually increased since biometric check-in began at Tan Son Nhat?",
    // The reports date the National Data Center's opening, never one numbered 2.
    "When did National Data Center No. 2 start operating?",
    // "… hơn 203.000 học viên (công chức, viên chức, lực lượng vũ trang, …)": all of them together.
    "Nền tảng Bình dân học vụ số đã đào tạo bao nhiêu học viên là lực lượng vũ trang?",
    // No report names Cambodia; the shared experience it names is with Laos.
    "Việt Nam đã bàn giao bao nhiêu thẻ căn cước cho Campuchia theo mô hình chia sẻ kinh nghiệm CSDL dân cư?",
  ])("says so for %s and shows the closest passages", async (question) => {
    const result = await ask(question);
    expect(result.status).toBe("not_found");
    expect(result.figures).toEqual([]);
    expect(result.citations.length).toBeGreaterThan(0);
  });
});

describe("an amount asked in English", () => {
  it("is answered by a share: 'how much' asks for an amount, not a count of things", async () => {
    const result = await ask(
      "According to the multi-year Project 06 review, how much extra GDP growth does the World Bank link to a doubling of broadband speed?",
    );
    expect(result.status).toBe("answered");
    expect(result.answer).toContain("0,3%");
  });
});

describe("a document cited by its coded number", () => {
  it("is found where the report names it by kind and number alone", async () => {
    // "(2) Đối với 116 CSDL theo Nghị quyết 71: Có 66 CSDL đã đăng ký kinh phí năm 2025 …"
    const result = await ask(
      "Of the 116 databases assigned under Resolution 71/NQ-CP, how many had registered their 2025 funding with the Ministry of Science and Technology?",
    );
    expect(result.status).toBe("answered");
    expect(result.figures[0]?.text).toBe("66");
  });
});

describe("contributions", () => {
  it("does not give what something contributed to a score as the score, but gives it when asked", async () => {
    // "Những kết quả trên ước tính đóng góp khoảng 0,18–0,25 điểm OSI": a contribution, not Vietnam's score.
    expect((await ask("Việt Nam đạt bao nhiêu điểm OSI năm 2024?")).status).toBe("not_found");
    const added = await ask(
      "How many points does the Project 06 review estimate the online public-services group added to the Online Service Index?",
    );
    expect(added.status).toBe("answered");
    expect(added.figures[0]?.text).toContain("0,18–0,25");
  });

  it("gives what the programme helped bring about as it happened", async () => {
    // "Đề án 06 góp phần đưa Việt Nam tăng 15 bậc (xếp thứ 71/193 quốc gia)": Vietnam's climb, not a contribution.
    const climb = await ask("Việt Nam tăng bao nhiêu bậc về chỉ số Chính phủ điện tử của Liên hợp quốc?");
    expect(climb.status).toBe("answered");
    expect(climb.figures[0]?.text).toBe("15");
  });
});

describe("dates of documents", () => {
  it("never dates a law by the decree cited after it in the same footnote", async () => {
    // "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15; Nghị định số 59/2022/NĐ-CP ngày 5/9/2022": the date
    // belongs to the decree, so nothing near the threshold is offered.
    const result = await ask("Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 có hiệu lực thi hành từ ngày nào?");
    expect(result.status).toBe("not_found");
    expect(result.confidence).toBeLessThan(answerModel().threshold / 2);
    // The law printed with its own date is dated by it.
    const dated = await ask("Luật Căn cước 26/2023/QH15 được ban hành ngày nào?");
    expect(dated.status).toBe("answered");
    expect(dated.answer.split("\n")[0]).toContain("27/11/2023");
  });
});

describe("input", () => {
  it("rejects an empty or invisible question with a typed error", async () => {
    await expect(ask("   \u200b ")).rejects.toMatchObject({ code: "QUESTION_EMPTY" });
    await expect(ask("x".repeat(1001))).rejects.toBeInstanceOf(DeskError);
  });

  it("answers in English when asked to, keeping quotes in Vietnamese", async () => {
    const result = await ask("co bao nhieu tai khoan vneid", { lang: "en" });
    expect(result.answer).toContain("as of");
    expect(result.answer).toContain("phê duyệt 67 triệu tài khoản VNeID");
  });
});

describe("optional LLM phrasing", () => {
  it("keeps a phrasing whose numbers all appear in the quotes", async () => {
    const phraser = createChatPhraser(
      new FakeListChatModel({ responses: ["Đã phê duyệt 67 triệu tài khoản VNeID (Báo cáo tổng kết)."] }),
    );
    const result = await answer(testDeps({ phraser }), { question: "co bao nhieu tai khoan vneid" });
    expect(result.answer).toBe("Đã phê duyệt 67 triệu tài khoản VNeID (Báo cáo tổng kết).");
  });

  it("falls back to the extractive answer when the phrasing invents a number", async () => {
    const phraser = createChatPhraser(
      new FakeListChatModel({ responses: ["Đã phê duyệt 68 triệu tài khoản VNeID."] }),
    );
    const result = await answer(testDeps({ phraser }), { question: "co bao nhieu tai khoan vneid" });
    expect(result.answer).not.toContain("68 triệu");
    expect(result.answer.split("\n")[0]).toContain("67 triệu");
  });
});
