import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Field, OneOf, Root, Type } from "protobufjs";

/**
 * A real transformers.js model folder of a few kilobytes, so tests run the whole loading path (config,
 * tokenizer, ONNX session, pooling) without network access or model weights.
 *
 * The "model" is a BERT-shaped ONNX graph that only looks tokens up in a fixed pseudo-random table:
 * last_hidden_state = (word_embeddings[input_ids] + token_type_embeddings[token_type_ids]) × attention_mask.
 * After mean pooling, texts sharing words get close vectors, as with a trained model.
 */
export const TINY_MODEL_DIMENSIONS = 16;

const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

// Folded, since the normalizer strips marks and maps đ to d before the vocabulary is consulted.
const SYLLABLES = `tai khoan dinh danh dien tu can cuoc cong dan so ho chieu bao cao thang nam quy ke hoach
  trien khai de an bo an ninh ca nuoc tinh thanh pho du lieu dan cu thu tuc hanh chinh dich vu truc tuyen
  muc do toan trinh thue giay phep lai xe hiem xa hoi y te suc khoe ket qua nhiem cham tien hoan tieu phan
  dau ty le trieu nghin dong the vneid kich hoat nguoi doanh nghiep co quan don vi uy ban nhan ngay theo
  cua va cac duoc da la trong voi cho nay nhung nhu khi cung tren duoi hon tang giam so sanh chi dao van
  ban ky so xac thuc sinh trac hoc chu thanh toan khong tien mat giao duc dao tao hoc sinh vien benh vien
  kham chua lich hen ung dung thiet bi may tram cap huyen xa phuong thi tran lien thong chia se ket noi`;

const WORDS = `the of and to in a is for on with by account identity card citizen digital data population
  report month year plan target result progress late deadline ministry police province city service online
  driver licence license health insurance tax payment school hospital people business number rate percent`;

const PUNCTUATION = [".", ",", "%", "/", "-", "(", ")", ":", ";", "?", "!"];

/** Every word the tiny tokenizer knows, in id order; anything else is spelled out letter by letter. */
export function tinyVocabulary(): string[] {
  const letters = [..."abcdefghijklmnopqrstuvwxyz0123456789"];
  const words = new Set([...SYLLABLES.split(/\s+/), ...WORDS.split(/\s+/)].filter(Boolean));
  for (const letter of letters) words.delete(letter);
  return [...SPECIAL_TOKENS, ...PUNCTUATION, ...letters, ...letters.map((letter) => `##${letter}`), ...words];
}

/** Writes the model into `dir` (created if needed) and returns `dir`. */
export function createTinyModel(dir: string): string {
  const vocab = tinyVocabulary();
  mkdirSync(join(dir, "onnx"), { recursive: true });
  writeJson(join(dir, "config.json"), {
    model_type: "bert",
    architectures: ["BertModel"],
    hidden_size: TINY_MODEL_DIMENSIONS,
    num_attention_heads: 1,
    num_hidden_layers: 0,
    vocab_size: vocab.length,
    type_vocab_size: 2,
    max_position_embeddings: 128,
    pad_token_id: 0,
  });
  writeJson(join(dir, "tokenizer.json"), tokenizerJson(vocab));
  writeJson(join(dir, "tokenizer_config.json"), {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    model_max_length: 128,
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    cls_token: "[CLS]",
    sep_token: "[SEP]",
    mask_token: "[MASK]",
    clean_up_tokenization_spaces: true,
  });
  writeFileSync(join(dir, "onnx", "model.onnx"), onnxModel(vocab.length));
  return dir;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

function tokenizerJson(vocab: string[]): object {
  const ids = Object.fromEntries(vocab.map((token, id) => [token, id]));
  const special = (content: string) => ({
    id: ids[content],
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const cls = { id: "[CLS]", ids: [ids["[CLS]"]], tokens: ["[CLS]"] };
  const sep = { id: "[SEP]", ids: [ids["[SEP]"]], tokens: ["[SEP]"] };
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: {
      type: "Sequence",
      normalizers: [
        {
          type: "BertNormalizer",
          clean_text: true,
          handle_chinese_chars: true,
          strip_accents: true,
          lowercase: true,
        },
        // BERT's accent stripping keeps đ, which has no decomposition.
        { type: "Replace", pattern: { String: "đ" }, content: "d" },
      ],
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: { "[CLS]": cls, "[SEP]": sep },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: ids,
    },
  };
}

// ONNX TensorProto.DataType and AttributeProto.AttributeType values used below.
const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

/** The subset of onnx.proto needed to write a model; field numbers as in onnx/onnx.proto. */
function onnxTypes(): { model: Type } {
  const root = new Root();
  const tensor = new Type("TensorProto")
    .add(new Field("dims", 1, "int64", "repeated"))
    .add(new Field("dataType", 2, "int32"))
    .add(new Field("floatData", 4, "float", "repeated"))
    .add(new Field("int64Data", 7, "int64", "repeated"))
    .add(new Field("name", 8, "string"))
    .add(new Field("rawData", 9, "bytes"));
  const dimension = new Type("Dimension")
    .add(new Field("dimValue", 1, "int64"))
    .add(new Field("dimParam", 2, "string"))
    .add(new OneOf("value", ["dimValue", "dimParam"]));
  const shape = new Type("TensorShapeProto").add(dimension).add(new Field("dim", 1, "Dimension", "repeated"));
  const tensorType = new Type("Tensor")
    .add(new Field("elemType", 1, "int32"))
    .add(new Field("shape", 2, "TensorShapeProto"));
  const typeProto = new Type("TypeProto").add(tensorType).add(new Field("tensorType", 1, "Tensor"));
  const valueInfo = new Type("ValueInfoProto")
    .add(new Field("name", 1, "string"))
    .add(new Field("type", 2, "TypeProto"));
  const attribute = new Type("AttributeProto")
    .add(new Field("name", 1, "string"))
    .add(new Field("f", 2, "float"))
    .add(new Field("i", 3, "int64"))
    .add(new Field("s", 4, "bytes"))
    .add(new Field("t", 5, "TensorProto"))
    .add(new Field("ints", 8, "int64", "repeated"))
    .add(new Field("type", 20, "int32"));
  const node = new Type("NodeProto")
    .add(new Field("input", 1, "string", "repeated"))
    .add(new Field("output", 2, "string", "repeated"))
    .add(new Field("name", 3, "string"))
    .add(new Field("opType", 4, "string"))
    .add(new Field("attribute", 5, "AttributeProto", "repeated"))
    .add(new Field("domain", 7, "string"));
  const graph = new Type("GraphProto")
    .add(new Field("node", 1, "NodeProto", "repeated"))
    .add(new Field("name", 2, "string"))
    .add(new Field("initializer", 5, "TensorProto", "repeated"))
    .add(new Field("input", 11, "ValueInfoProto", "repeated"))
    .add(new Field("output", 12, "ValueInfoProto", "repeated"));
  const opset = new Type("OperatorSetIdProto")
    .add(new Field("domain", 1, "string"))
    .add(new Field("version", 2, "int64"));
  const model = new Type("ModelProto")
    .add(new Field("irVersion", 1, "int64"))
    .add(new Field("producerName", 2, "string"))
    .add(new Field("producerVersion", 3, "string"))
    .add(new Field("graph", 7, "GraphProto"))
    .add(new Field("opsetImport", 8, "OperatorSetIdProto", "repeated"));
  const onnx = root.define("onnx");
  for (const type of [tensor, shape, typeProto, valueInfo, attribute, node, graph, opset, model])
    onnx.add(type);
  root.resolveAll();
  return { model };
}

function onnxModel(vocabSize: number): Uint8Array {
  const dims = TINY_MODEL_DIMENSIONS;
  const random = mulberry32(0x5eed);
  const words = new Float32Array(vocabSize * dims);
  for (let row = 0; row < vocabSize; row++) {
    // Special tokens sit in every text; small rows keep them from pulling all texts together.
    const scale = row < SPECIAL_TOKENS.length ? 0.05 : 1;
    for (let col = 0; col < dims; col++) words[row * dims + col] = (random() * 2 - 1) * scale;
  }
  const types = new Float32Array(2 * dims).map(() => (random() * 2 - 1) * 0.01);

  const floatTensor = (name: string, shape: number[], values: Float32Array) => ({
    name,
    dims: shape,
    dataType: FLOAT,
    // raw_data is little-endian by the ONNX spec, as is every platform onnxruntime-node ships for.
    rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
  });
  const int64Input = (name: string) => ({
    name,
    type: {
      tensorType: { elemType: INT64, shape: { dim: [{ dimParam: "batch" }, { dimParam: "sequence" }] } },
    },
  });

  const { model } = onnxTypes();
  const message = model.fromObject({
    irVersion: 7,
    producerName: "figures-desk-tiny-model",
    producerVersion: "1",
    opsetImport: [{ domain: "", version: 13 }],
    graph: {
      name: "tiny_bert",
      initializer: [
        floatTensor("word_embeddings", [vocabSize, dims], words),
        floatTensor("token_type_embeddings", [2, dims], types),
        { name: "last_axis", dims: [1], dataType: INT64, int64Data: [-1] },
      ],
      input: [int64Input("input_ids"), int64Input("attention_mask"), int64Input("token_type_ids")],
      output: [
        {
          name: "last_hidden_state",
          type: {
            tensorType: {
              elemType: FLOAT,
              shape: { dim: [{ dimParam: "batch" }, { dimParam: "sequence" }, { dimValue: dims }] },
            },
          },
        },
      ],
      node: [
        { opType: "Gather", name: "words", input: ["word_embeddings", "input_ids"], output: ["words"] },
        {
          opType: "Gather",
          name: "types",
          input: ["token_type_embeddings", "token_type_ids"],
          output: ["types"],
        },
        { opType: "Add", name: "sum", input: ["words", "types"], output: ["summed"] },
        {
          opType: "Cast",
          name: "mask_float",
          input: ["attention_mask"],
          output: ["mask_float"],
          attribute: [{ name: "to", type: ATTRIBUTE_INT, i: FLOAT }],
        },
        { opType: "Unsqueeze", name: "mask_3d", input: ["mask_float", "last_axis"], output: ["mask_3d"] },
        { opType: "Mul", name: "masked", input: ["summed", "mask_3d"], output: ["last_hidden_state"] },
      ],
    },
  });
  return model.encode(message).finish();
}

/** A small seeded generator, so every run writes byte-identical weights. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
