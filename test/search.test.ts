import { describe, expect, it } from "vitest";
import { fold } from "../core/text";
import { coverage, coverageScore } from "../index/coverage";
import { findGlossaryMatches } from "../index/glossary";
import { understandQuestion } from "../index/query";
import { search } from "../index/search";
import { tokenize } from "../index/tokenize";
import { testIndex } from "./support/desk";

const plan = (question: string) => {
  const index = testIndex();
  return understandQuestion(question, {
    lexical: index.lexical,
    documents: index.documents.map((document) => document.meta),
  });
};

describe("tokenizer", () => {
  it("gives syllables and syllable pairs, exact and folded", () => {
    const { exact, folded } = tokenize("Tài khoản định danh");
    expect(exact).toEqual(expect.arrayContaining(["tài", "khoản", "tài_khoản", "định_danh"]));
    expect(folded).toEqual(expect.arrayContaining(["tai_khoan", "dinh_danh"]));
  });

  it("treats decomposed (NFD) input, mixed case and đ like their plain forms", () => {
    const composed = tokenize("Định danh ĐIỆN TỬ");
    const decomposed = tokenize("Định danh ĐIỆN TỬ".normalize("NFD"));
    expect(decomposed).toEqual(composed);
    expect(composed.folded).toEqual(tokenize("dinh danh dien tu").folded);
    expect(fold("Đắk Lắk")).toBe("dak lak");
  });

  it("keeps numbers whole", () => {
    expect(tokenize("đạt 73,03% và 1.900.482.958 yêu cầu").exact).toEqual(
      expect.arrayContaining(["73,03", "1.900.482.958"]),
    );
  });
});

describe("glossary", () => {
  it("expands English terms and acronyms to the reports' Vietnamese wording", () => {
    const wordingsOf = (text: string) =>
      findGlossaryMatches(fold(text)).flatMap((match) =>
        match.entries.flatMap((entry) => entry.reportWordings),
      );
    expect(wordingsOf("citizen id card")).toContain("can cuoc cong dan");
    expect(wordingsOf("cccd")).toContain("can cuoc cong dan");
    expect(wordingsOf("ministry of public security")).toContain("bo cong an");
    // Plurals of the glossary's English wordings, without listing them.
    expect(wordingsOf("working groups")).toContain("to cong tac");
    expect(wordingsOf("steering committees")).toContain("ban chi dao");
    // A phrasal verb is not its noun: "account for" a share is not an account.
    expect(wordingsOf("account for")).toContain("chiem");
    expect(wordingsOf("account for")).not.toContain("tai khoan");
  });

  it("lets an English question reach the Vietnamese passage with the lexical index alone", async () => {
    const hits = await search(
      { index: testIndex() },
      "How many chip-based citizen ID cards had been issued?",
      { topK: 3 },
    );
    expect(hits.some((hit) => hit.chunk.text.includes("87,9 triệu thẻ căn cước công dân gắn chip"))).toBe(
      true,
    );
  });
});

describe("query understanding", () => {
  it("reads intent, time, body and language", () => {
    // "What … speed" asks for a number as "how many" does.
    expect(plan("What is the mobile internet speed in Vietnam?").intent).toBe("figure");
    expect(plan("co bao nhieu tai khoan vneid")).toMatchObject({ intent: "figure", lang: "vi" });
    expect(plan("How many VNeID accounts as of January 2025?")).toMatchObject({
      intent: "figure",
      lang: "en",
      time: { iso: "2025-01" },
    });
    expect(plan("Bộ Y tế phải hoàn thành khi nào?")).toMatchObject({ intent: "deadline", body: "Bộ Y tế" });
    // "thời hạn hoàn thành nào" asks for one due date, not for a list of overdue tasks.
    expect(
      plan("Bên cạnh 39 nhiệm vụ chậm muộn, phải ưu tiên các nhiệm vụ có thời hạn hoàn thành nào?").intent,
    ).toBe("deadline");
    // "trong khoảng thời gian nào" asks when, as "khi nào" does.
    expect(plan("Nhóm nhiệm vụ cấp bách phải được triển khai trong khoảng thời gian nào?").intent).toBe(
      "deadline",
    );
    // "mấy ứng dụng … tên là gì" asks for names, not a count.
    expect(plan("may ung dung cong dan so cua cac dia phuong ten la gi").intent).toBe("fact");
    // "đúng hạn" (on time) and "hạn chế" (shortcomings) set no time limit.
    expect(plan("Có bao nhiêu hồ sơ được giải quyết đúng hạn?").intent).toBe("figure");
    expect(plan("Đề án 06 còn những hạn chế gì?").intent).toBe("fact");
    expect(plan("Hạn chót nộp báo cáo là khi nào?").intent).toBe("deadline");
    // "when it was set up" dates the person asked for; "What is the date when …" still asks a date.
    expect(plan("Which official was named deputy head of the working group when it was set up?").intent).toBe(
      "fact",
    );
    expect(plan("What is the date when the Law on Identification took effect?").intent).toBe("date");
    // A leading "When …," clause dates the thing asked after it; "When was …" asks a date.
    expect(plan("When the data system was upgraded, which programming language did it move to?").intent).toBe(
      "fact",
    );
    expect(plan("When was the National Data Center put into operation?").intent).toBe("date");
    expect(plan("tỷ lệ kích hoạt là bao nhiêu")).toMatchObject({ expects: "percent" });
    // "chiếm tỷ lệ bao nhiêu" asks for a share, which reports print alone ("(55,6%)"): no topic of its own;
    // "ai là" asks for a person, not about "AI".
    const share = plan("Số người làm chuyên trách chiếm tỷ lệ bao nhiêu?");
    expect(share.expects).toBe("percent");
    expect(share.concepts.map((concept) => concept.literal)).not.toContain("chiem ty le");
    expect(plan("Ai là Tổ trưởng Tổ công tác?").concepts.map((concept) => concept.literal)).not.toContain(
      "ai",
    );
    expect(plan("tiết kiệm được bao nhiêu tiền?")).toMatchObject({ expects: "money" });
    // Revenue and budget after the question word are amounts, not things counted.
    expect(plan("mang về khoảng bao nhiêu doanh thu?")).toMatchObject({
      expects: "money",
      countsThings: false,
    });
    expect(plan("có bao nhiêu người đã nhận tiền hỗ trợ?")).toMatchObject({ countsThings: true });
    // What a system saves or earns is money, and "each year" asks for a rate per year; saved time is not money.
    expect(plan("How much does the health data platform save each year?")).toMatchObject({
      expects: "money",
      asksPer: "năm",
    });
    expect(plan("Doanh thu tăng thêm bao nhiêu mỗi năm?").asksPer).toBe("năm");
    // The period is what the rate is per, not a topic: "mỗi" would read as "moi", which "mới" folds to.
    const yearly = plan("Mỗi năm, ngân sách nhà nước tiết kiệm được bao nhiêu tiền?");
    expect(yearly.asksPer).toBe("năm");
    expect(yearly.concepts.map((concept) => concept.literal)).not.toContain("moi");
    expect(plan("How much time does the platform save?").expects).toBeUndefined();
    // A count an English question spells out is a number it gives, as "5" would be ("05 Bộ" in the report).
    expect(plan("How much funding was approved for five ministries?").givenNumbers).toEqual(["5"]);
    expect(plan("Which two of the reports print it?").givenNumbers).toEqual([]);
    // "tiện ích" (utilities) folds to "tien ich": a count, not money.
    expect(plan("có bao nhiêu tiện ích trên VNeID?").expects).toBeUndefined();
    // "đồng chí" (comrade) counts people, not đồng (money).
    expect(plan("bổ sung bao nhiêu đồng chí Bộ trưởng vào Tổ công tác?").expects).toBeUndefined();
    expect(plan("Theo slide VKSNDTC, bao nhiêu địa phương?").docIds).toEqual([
      "vksndtc-slides-de-an-06-2025",
    ]);
  });

  it("reads which words say what a question counts, within the question word's clause", () => {
    const literals = (question: string, mark: "asksAction" | "describesCounted") =>
      plan(question)
        .concepts.filter((concept) => concept[mark])
        .map((concept) => concept.literal);
    expect(literals("các bộ, ngành đã hoàn thành được bao nhiêu nhiệm vụ?", "asksAction")).toEqual([
      "hoan thanh",
    ]);
    // "có" is the verb here: the clause before the comma only frames the question.
    const fields =
      "Trong các trường thông tin cần thu thập phục vụ Trung tâm dữ liệu quốc gia, có bao nhiêu trường chưa được số hóa?";
    expect(literals(fields, "asksAction")).toEqual([]);
    expect(literals(fields, "describesCounted").sort()).toEqual(["chua", "so hoa"]);
    expect(literals("How many tasks have been completed?", "describesCounted")).toEqual(["completed"]);
  });

  it("reads names, places and the quantities a question gives", () => {
    // "Một cửa" is two stop syllables ("một", "của" unaccented): still a concept the reports print.
    expect(plan("bo phan mot cua").concepts[0]?.wordings).toContain("bo phan mot cua");
    // Numbers of names, dates and years are not quantities the question gives.
    expect(
      plan("Trong giai đoạn 2022–2025, Kế hoạch số 51 giao bao nhiêu việc cho Đề án 06?").givenNumbers,
    ).toEqual([]);
    expect(plan("Trong 2.822 hệ thống được khảo sát, bao nhiêu hệ thống phải xây mới?").givenNumbers).toEqual(
      ["2.822"],
    );
    // "Trong số 173" is "of the 173", not a numbered name ("Kế hoạch số 51").
    expect(
      plan("Trong số 173 cơ sở khám, chữa bệnh dùng bệnh án điện tử, bao nhiêu cơ sở là tư nhân?")
        .givenNumbers,
    ).toEqual(["173"]);
    // A name the reports never print, of one word in a Vietnamese question; an English question
    // capitalizes months and common words too.
    expect(plan("Việt Nam đã bàn giao bao nhiêu thẻ căn cước cho Campuchia?").unknownNames).toEqual([
      "Campuchia",
    ]);
    expect(plan("Bao nhiêu thẻ Căn cước đã được cấp cho người dân Lào Cai?").unknownNames).toEqual([]);
    expect(plan("How many chip ID cards were issued by January 2025?").unknownNames).toEqual([]);
    // "KH&CN", "LĐ-TB&XH" are abbreviations the glossary knows whole, not the names "CN", "LĐ", "XH".
    expect(plan("Nhân tài KH&CN phải có kế hoạch xây dựng khi nào?").unknownNames).toEqual([]);
    expect(plan("Bộ LĐ-TB&XH đã chi trả cho bao nhiêu đối tượng?").unknownNames).toEqual([]);
    // A version is printed with its point in both languages ("phiên bản 3.0"), never "3,0".
    expect(
      plan("When was version 3.0 of the e-Government Architecture Framework issued?").givenNumbers,
    ).toEqual(["3.0"]);
    expect(plan("Khung Kiến trúc phiên bản 3.0 ban hành ngày nào?").givenNumbers).toEqual(["3.0"]);
    expect(plan("How many of the 87.9 million cards?").givenNumbers).toEqual(["87,9"]);
    // "bao nhiêu/63" asks how many out of 63: 63 is given, "bao nhiêu" is the question word.
    const outOf = plan("bao nhieu/63 tinh da ket noi co so du lieu ho tich");
    expect(outOf.givenNumbers).toEqual(["63"]);
    expect(outOf.concepts.map((concept) => concept.literal)).not.toContain("nhieu/63");
    // "Hà Nam" is one province, not "hà" and "năm".
    expect(
      plan("Tỉnh Hà Nam tích hợp sổ sức khỏe điện tử cho bao nhiêu % dân số?").concepts[0],
    ).toMatchObject({
      wordings: ["ha nam"],
      required: true,
    });
  });

  it("weighs a Vietnamese question's word by how rare that word is, not by its rarest synonym", () => {
    const weightOf = (question: string, literal: string) =>
      plan(question).concepts.find((concept) => concept.literal === literal)?.weight ?? 0;
    const common = weightOf("Trong giai đoạn 2022-2025 đã hoàn thành bao nhiêu nhiệm vụ?", "giai doan");
    const rare = weightOf("Trong thời kỳ 2022-2025 đã hoàn thành bao nhiêu nhiệm vụ?", "thoi ky");
    expect(common).toBeGreaterThan(0);
    expect(common).toBeLessThan(rare);
  });

  it("finds the report a question names from its metadata, and reads the report's date as no time constraint", () => {
    const conference = plan("Tại hội nghị tháng 12/2023, có bao nhiêu tổ công tác cấp xã?");
    expect(conference.docIds).toEqual(["ket-luan-hoi-nghi-2-nam-de-an-06-2023-12-21"]);
    expect(conference.time).toBeUndefined();
    expect(plan("theo bao cao thang 1/2025 co bn tai khoan duoc kich hoat").docIds).toEqual([
      "bao-cao-290-bc-tcttkda-2025-02-04",
    ]);
    // The working group wrote both reports: the month picks January's, not the final review.
    expect(
      plan("Theo báo cáo tháng 01/2025 của Tổ công tác, đã thu nhận bao nhiêu hồ sơ định danh điện tử?")
        .docIds,
    ).toEqual(["bao-cao-290-bc-tcttkda-2025-02-04"]);
    expect(plan("kh 51 giao cong an tinh chu tri bao nhieu dich vu cong").docIds).toEqual([
      "slides-ke-hoach-51-kh-ubnd-2022",
    ]);
    // Typed glued to its number, the plan is still named.
    expect(plan("kh51 so lao dong chu tri may dvc").docIds).toEqual(["slides-ke-hoach-51-kh-ubnd-2022"]);
    // "Chỉ thị số 51" cites a directive with the same number as Plan 51, not the plan.
    expect(plan("Chỉ thị số 51 của Ban Bí thư được ban hành ngày nào?").docIds).toEqual([]);
    // "Thông báo kết luận" is a kind of notice the Government Office drafts, not the conference's conclusion.
    expect(
      plan("Văn phòng Chính phủ đã tham mưu bao nhiêu Thông báo kết luận của Lãnh đạo Chính phủ?").docIds,
    ).toEqual([]);
    // "bao nhiêu hội nghị" counts conferences: the Government Office's conclusion is not named.
    expect(
      plan("Văn phòng Chính phủ đã tham mưu, tổ chức bao nhiêu hội nghị toàn quốc do Thủ tướng chủ trì?")
        .docIds,
    ).toEqual([]);
    expect(plan("Theo kết luận của Văn phòng Chính phủ, có bao nhiêu tổ công tác?").docIds).toEqual([
      "ket-luan-hoi-nghi-2-nam-de-an-06-2023-12-21",
    ]);
    // An alias that stops short of the issuer's full name takes the rest of the name with it.
    const procuracy = plan(
      "Theo bài trình bày của Viện kiểm sát nhân dân tối cao, còn bao nhiêu nhiệm vụ chậm muộn?",
    );
    expect(procuracy.docIds).toEqual(["vksndtc-slides-de-an-06-2025"]);
    expect(procuracy.concepts.map((concept) => concept.literal)).not.toEqual(
      expect.arrayContaining(["toi cao"]),
    );
    // A time alone is a time, not a report.
    const dated = plan("Tính đến tháng 1/2025, có bao nhiêu tài khoản được kích hoạt?");
    expect(dated.docIds).toEqual([]);
    expect(dated.time?.iso).toBe("2025-01");
    // "in 2022–2025" names the programme's stage, not the year 2022; "in 2024" is a year.
    expect(plan("How many legal documents were ministries to produce in 2022–2025?").time).toBeUndefined();
    expect(plan("How many VNeID accounts were activated in 2024?").time?.iso).toBe("2024");
    // The date a change is measured from is no time asked; "từ năm 2022 đến nay" runs to the newest report.
    expect(plan("Số hồ sơ khai sinh tăng bao nhiêu so với tháng 12/2024?").time).toBeUndefined();
    expect(
      plan("How much did the online share rise compared with the same period of 2023?").time,
    ).toBeUndefined();
    expect(
      plan("What share was filed online, and how much higher than in the same period of 2023?").time,
    ).toBeUndefined();
    expect(plan("Từ năm 2022 đến nay có bao nhiêu hội nghị?").time).toMatchObject({
      periodStart: "2022-01-01",
      periodEnd: "9999-12-31",
    });
  });

  it("reads chat shorthand and bare topics", () => {
    // A document number's parts are not chat: "TTg" in "206/QĐ-TTg" stays as printed.
    expect(plan("Theo Quyết định 206/QĐ-TTg có bao nhiêu dịch vụ công?").question).toContain("206/QĐ-TTg");
    // "xong" (done) is how a chat question says "hoàn thành".
    expect(plan("bn dia phuong so hoa xong du lieu dat dai").concepts.flatMap((c) => c.wordings)).toContain(
      "hoan thanh",
    );
    // Officials' shorthand: "DN" is "doanh nghiệp", "cp" the Government, "t1/2025" January 2025 (here,
    // dating the report asked about) and "q1/2025" the first quarter.
    const literals = (question: string) => plan(question).concepts.map((concept) => concept.literal);
    const wordings = (question: string) => plan(question).concepts.flatMap((concept) => concept.wordings);
    expect(wordings("bn % ma so thue cua nguoi dan, DN da duoc lam sach")).toContain("doanh nghiep");
    expect(literals("trinh cp nghi dinh ve csdl dung chung")).toContain("trinh chinh phu");
    expect(plan("cp truy thu dc bn tien thue (bc t1/2025)").docIds).toEqual([
      "bao-cao-290-bc-tcttkda-2025-02-04",
    ]);
    // Expanded without marks, as the question was typed: it is still read as an unaccented one.
    expect(plan("cp truy thu dc bn tien thue (bc t1/2025)").question).toContain("(bao cao thang 1/2025)");
    expect(plan("nhung viec nao phai xong trong q1/2025").time?.iso).toBe("2025-Q1");
    // "Hiện tại", "mới nhất", "so far" ask for the newest figure; they name no topic a passage must hold.
    const now = plan("Hiện tại có bao nhiêu tài khoản VNeID");
    expect(now.latest).toBe(true);
    expect(now.concepts.map((concept) => concept.literal)).toEqual(["tai khoan vneid"]);
    expect(literals("Số tài khoản VNeID mới nhất là bao nhiêu?")).not.toContain("nhat");
    expect(plan("How many VNeID accounts so far?")).toMatchObject({ latest: true });
    expect(literals("How many VNeID accounts so far?")).toEqual(["vneid accounts"]);
    // "Theo chú thích …" points at a footnote: "thích" is no topic a passage must hold.
    expect(literals("Theo chú thích của kết luận hội nghị, Bộ Y tế còn bao nhiêu nhiệm vụ?")).toEqual(
      expect.not.arrayContaining(["chu", "thich", "chu thich"]),
    );
    // A slash between words names two things; one inside a document number is part of the number.
    expect(wordings("co bn to cong tac/bcd cap tinh")).toEqual(
      expect.arrayContaining(["to cong tac", "ban chi dao"]),
    );
    expect(literals("Nghị quyết 57-NQ/TW có bao nhiêu nhiệm vụ?")).toContain("nghi quyet 57 nq/tw");
    const chat = plan("bn tk dc kich hoat");
    expect(chat).toMatchObject({ intent: "figure", asksCount: true });
    expect(chat.concepts.map((concept) => concept.literal)).toContain("tai khoan");
    // A topic alone asks a figures desk for its figure, and names what is counted.
    expect(plan("tai khoan vneid")).toMatchObject({
      intent: "figure",
      counted: { literal: "tai khoan vneid" },
    });
    // A noun after a preposition or a verb is not what the question counts.
    expect(plan("đóng góp khoảng bao nhiêu vào phần tăng thêm của kinh tế số?").counted?.literal).not.toBe(
      "phan",
    );
    expect(plan("How much did the health sector add to the digital economy?").counted).toBeUndefined();
    // "bao nhiêu so với tháng 12/2024" compares: it counts no "so với", and an amount asked so is money.
    const compared = plan("Tổng kinh phí đã tăng thêm bao nhiêu so với tháng 12/2024?");
    expect(compared.counted?.literal).not.toBe("so voi");
    expect(compared).toMatchObject({ countsThings: false, asksChange: true });
    // "the number of X" names what is counted, as "số lượng X" does.
    expect(plan("By how much did the number of accounts activated grow?")).toMatchObject({
      counted: { literal: "accounts" },
      asksChange: true,
    });
    expect(plan("Có bao nhiêu tài khoản được kích hoạt?").asksChange).toBe(false);
    // A body's duties, asked in either language; which unit of a body is responsible for something is not.
    expect(plan("Bộ Y tế phải hoàn thành những gì và khi nào?")).toMatchObject({
      body: "Bộ Y tế",
      asksDuties: true,
    });
    expect(plan("what is the Ministry of Justice in charge of?").asksDuties).toBe(true);
    expect(
      plan("Which department of Bộ Công an is responsible for the population database?").asksDuties,
    ).toBe(false);
    // A question mark alone makes no question: a topic asks for its figure.
    expect(plan("transport sector's contribution to the digital economy?")).toMatchObject({
      bareTopic: true,
      intent: "figure",
    });
    expect(plan("Có bao nhiêu tài khoản VNeID?").bareTopic).toBe(false);
  });

  it("reads an English question quoting a Vietnamese term as English, and a Vietnamese one naming an English title as Vietnamese", () => {
    const mixed = plan(
      "From 1 July 2024 to the January 2025 report, how many new identity cards (thẻ Căn cước) were issued?",
    );
    expect(mixed.lang).toBe("en");
    // English words are not searched as Vietnamese syllables ("were", "from").
    expect(mixed.concepts.map((concept) => concept.literal)).not.toContain("were");
    // "the" folds like the Vietnamese "thẻ" (card), but in an English question it is English.
    expect(
      plan("What is the date of Resolution 175/NQ-CP?").concepts.map((concept) => concept.literal),
    ).not.toContain("the");
    expect(plan("Chỉ số Online Service Index (OSI) của Việt Nam năm 2024 là bao nhiêu?").lang).toBe("vi");
    // A document code keeps its Đ in an English question.
    expect(plan("When was Plan 02-KH/BCĐTW issued?").lang).toBe("en");
    // "no" and "day" fold like Vietnamese syllables (nợ, đây); "No." numbers a document.
    const literals = (question: string) => plan(question).concepts.map((concept) => concept.literal);
    expect(literals("On what date was document No. 5721 issued?")).not.toContain("no");
    expect(literals("How many villages had no mobile signal?")).not.toContain("no");
    // Prepositions frame an English question; they are not topics no report covers.
    expect(plan("Under Decree 13, until when must ministries report?").absentWords).toEqual([]);
    expect(literals("How many times a day is VNeID accessed?")).toEqual(
      expect.arrayContaining(["times", "a day", "accessed"]),
    );
  });

  it("requires only the names the question gives, not words that fold like them", () => {
    const concepts = plan(
      "Bộ Kế hoạch và Đầu tư phải phấn đấu hoàn thành việc bố trí kinh phí trước ngày nào?",
    ).concepts;
    const required = concepts.filter((concept) => concept.required).map((concept) => concept.literal);
    // "đấu" of "phấn đấu" folds like "Đầu" of "Đầu tư" but is not part of a name.
    expect(required).toContain("bo ke hoach va dau tu");
    expect(required).not.toContain("dau");
    // The programme's own name stands in most passages: not a name that decides.
    const named = plan("riêng Bộ Thông tin và Truyền thông còn bao nhiêu nhiệm vụ Đề án 06 chậm tiến độ?")
      .concepts.filter((concept) => concept.required)
      .map((concept) => concept.literal);
    expect(named).toEqual(["bo thong tin va truyen thong"]);
    // A body typed without capitals or marks is a name all the same.
    const typed = plan("ung ho bao lu qua vneid rieng agribank nhan dc bao nhieu tien").concepts;
    expect(typed.find((concept) => concept.literal === "agribank")?.required).toBe(true);
    // English capitalizes titles by convention: "Prime Minister" is no name a passage must print, while
    // "Tan Son Nhat", printed in the reports, and a province are.
    const english = plan(
      "How many passengers used biometric check-in at Tan Son Nhat after the Prime Minister's visit to Hanoi?",
    ).concepts.filter((concept) => concept.required);
    expect(english.map((concept) => concept.literal)).toEqual(
      expect.arrayContaining(["tan son nhat", "hanoi"]),
    );
    expect(english.map((concept) => concept.literal)).not.toContain("prime minister");
  });

  it("knows a document's number with its code, as the reports print it with or without «số»", () => {
    // The index splits "02-KH/BCĐTW" at the slash: the wording is looked up by the pairs it keeps.
    const [named] = plan("Kế hoạch 02-KH/BCĐTW ban hành ngày nào?").concepts;
    expect(named?.wordings).toEqual(
      expect.arrayContaining(["ke hoach 02 kh/bcdtw", "ke hoach so 02 kh/bcdtw"]),
    );
    // One the glossary does not know is found as printed in full or by kind and number ("Nghị quyết 71"),
    // and its code's letters ("CP") are no name a passage must print.
    const concepts = plan(
      "Of the 116 databases under Resolution 71/NQ-CP, how many registered funding?",
    ).concepts;
    expect(concepts[0]?.wordings).toEqual(expect.arrayContaining(["71/nq cp", "nghi quyet 71"]));
    expect(concepts.map((concept) => concept.literal)).not.toContain("cp");
  });

  it("does not read a question about one task's date as a listing", () => {
    expect(
      plan(
        "Đối với các nhiệm vụ còn chậm muộn, các Bộ trưởng phải cam kết lộ trình hoàn thành trong thời hạn nào?",
      ).intent,
    ).toBe("deadline");
    expect(plan("riêng Bộ Thông tin và Truyền thông còn bao nhiêu nhiệm vụ chậm tiến độ?").intent).toBe(
      "figure",
    );
    expect(plan("những việc phải hoàn thành trong Quý I/2024").intent).toBe("deadline-list");
  });
});

describe("hybrid search", () => {
  it("puts the passage with the answer first for an unaccented question", async () => {
    const [best] = await search({ index: testIndex() }, "bao nhieu to cong tac cap xa", { topK: 5 });
    expect(best?.chunk.text).toContain("10.599 tổ công tác cấp xã");
    expect(best?.figures.map((figure) => figure.text)).toContain("10.599");
  });

  it("filters by document, as-of range and kind", async () => {
    const index = testIndex();
    const byDocument = await search({ index }, "tài khoản định danh điện tử", {
      topK: 10,
      filters: { docIds: ["ket-luan-hoi-nghi-2-nam-de-an-06-2023-12-21"] },
    });
    expect(byDocument.length).toBeGreaterThan(0);
    expect(byDocument.every((hit) => hit.chunk.docId === "ket-luan-hoi-nghi-2-nam-de-an-06-2023-12-21")).toBe(
      true,
    );
    const byTime = await search({ index }, "tài khoản định danh điện tử", {
      topK: 10,
      filters: { asOfFrom: "2025-01", asOfTo: "2025-06" },
    });
    expect(new Set(byTime.map((hit) => hit.chunk.docId))).toEqual(
      new Set(["bao-cao-290-bc-tcttkda-2025-02-04", "vksndtc-slides-de-an-06-2025"]),
    );
    const slides = await search({ index }, "dịch vụ công", { topK: 10, filters: { kinds: ["slides"] } });
    expect(slides.every((hit) => hit.chunk.docId.includes("slides"))).toBe(true);
  });

  it("prefers the report of the time a question names", async () => {
    const [best] = await search({ index: testIndex() }, "tài khoản định danh điện tử cuối năm 2023", {
      topK: 3,
    });
    expect(best?.chunk.docId).toBe("ket-luan-hoi-nghi-2-nam-de-an-06-2023-12-21");
  });
});

describe("coverage", () => {
  it("finds a wording across the breaks PDF text puts between words, and only as whole words", () => {
    const concept = { wordings: ["dinh danh dien tu"], weight: 1, literal: "định danh điện tử" };
    const found = (text: string) => coverage(text, [concept]).matched === 1;
    expect(found("Tài khoản định danh điện tử mức 2")).toBe(true);
    expect(found("tài khoản định\ndanh điện tử")).toBe(true);
    expect(found("định danh – điện tử")).toBe(true);
    expect(found("định danh, điện-tử")).toBe(true);
    expect(found("(định danh điện tử²)")).toBe(true);
    expect(found("định danh/điện tử")).toBe(false);
    expect(found("định danh điện tửa")).toBe(false);
    expect(found("xđịnh danh điện tử")).toBe(false);
  });

  it("scores a passage without locating its words exactly as when it locates them", () => {
    const questions = [
      "co bao nhieu tai khoan dinh danh dien tu muc 2 duoc kich hoat",
      "Tỷ lệ hồ sơ trực tuyến của bộ, ngành đạt bao nhiêu so với cùng kỳ năm 2023?",
      "How many chip-based citizen identity cards had been issued by January 2025?",
    ];
    let compared = 0;
    for (const question of questions) {
      const { concepts } = plan(question);
      for (const document of testIndex().documents) {
        const lines = document.text.split("\n");
        for (let at = 0; at < lines.length; at += 8) {
          const passage = lines.slice(at, at + 8).join("\n");
          expect(coverageScore(passage, concepts)).toBe(coverage(passage, concepts).score);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
