import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import fc from "fast-check";
import { parseSearchQuery, toFts5Query, type SearchQuery, type Term } from "./search-query.js";

const term = (phrase: string, negated = false): Term => ({ phrase, negated });

describe("parseSearchQuery", () => {
  test("plain words are separate clauses, all required", () => {
    assert.deepEqual(parseSearchQuery("children services"), {
      clauses: [[term("children")], [term("services")]],
      positive: 2,
    });
  });

  test("a quoted phrase is one term, kept in order", () => {
    assert.deepEqual(parseSearchQuery('"due diligence" report'), {
      clauses: [[term("due diligence")], [term("report")]],
      positive: 2,
    });
  });

  test("an unclosed quote runs to the end of the query", () => {
    assert.deepEqual(parseSearchQuery('budget "due diligence'), {
      clauses: [[term("budget")], [term("due diligence")]],
      positive: 2,
    });
  });

  test("OR joins the terms either side into one clause", () => {
    assert.deepEqual(parseSearchQuery("acute OR homelessness budget"), {
      clauses: [[term("acute"), term("homelessness")], [term("budget")]],
      positive: 2,
    });
    assert.deepEqual(parseSearchQuery('acute OR "mental health" OR housing'), {
      clauses: [[term("acute"), term("mental health"), term("housing")]],
      positive: 1,
    });
  });

  test("or in any case is the operator, as websearch_to_tsquery reads it", () => {
    assert.deepEqual(parseSearchQuery("acute or homelessness"), parseSearchQuery("acute OR homelessness"));
    assert.deepEqual(parseSearchQuery("acute Or homelessness"), parseSearchQuery("acute OR homelessness"));
  });

  test('a quoted "OR" is a word, not the operator', () => {
    assert.deepEqual(parseSearchQuery('acute "OR" homelessness').clauses, [
      [term("acute")],
      [term("OR")],
      [term("homelessness")],
    ]);
  });

  test("OR with nothing before or after it is ignored", () => {
    assert.deepEqual(parseSearchQuery("OR acute").clauses, [[term("acute")]]);
    assert.deepEqual(parseSearchQuery("acute OR").clauses, [[term("acute")]]);
  });

  test('-word and -"phrase" exclude', () => {
    assert.deepEqual(parseSearchQuery('scrutiny -Torbay -"due diligence"'), {
      clauses: [[term("scrutiny")], [term("Torbay", true)], [term("due diligence", true)]],
      positive: 1,
    });
  });

  test("a negation is never ORed into a positive clause", () => {
    const query = parseSearchQuery("acute OR -homelessness");
    assert.deepEqual(query.clauses, [[term("acute")], [term("homelessness", true)]]);
    assert.equal(query.positive, 1);
  });

  test("a query of only negations has no positive clause", () => {
    assert.equal(parseSearchQuery("-torbay").positive, 0);
    assert.equal(parseSearchQuery('-torbay -"due diligence"').positive, 0);
    assert.equal(parseSearchQuery("-torbay OR -plymouth").positive, 0);
  });

  test("punctuation splits words; a hyphen inside a word is not a negation", () => {
    assert.deepEqual(parseSearchQuery("WITAN-CANARY-PART-II-9F4C2E").clauses, [
      [term("WITAN CANARY PART II 9F4C2E")],
    ]);
    assert.deepEqual(parseSearchQuery("council's (budget): 2017/18*").clauses, [
      [term("council s")],
      [term("budget")],
      [term("2017 18")],
    ]);
  });

  test("queries with no words have nothing to search for", () => {
    for (const input of ["", "   ", "-", '""', "OR", "*:()", '"-"']) {
      assert.deepEqual(parseSearchQuery(input), { clauses: [], positive: 0 }, input);
    }
  });

  test("compatibility forms are folded (NFKC)", () => {
    assert.deepEqual(parseSearchQuery("ﬁnance").clauses, [[term("finance")]]);
  });
});

describe("toFts5Query", () => {
  test("quotes every term and ANDs the clauses", () => {
    assert.equal(toFts5Query(parseSearchQuery("children services")), '"children" AND "services"');
  });

  test("ORed terms are grouped", () => {
    assert.equal(
      toFts5Query(parseSearchQuery('acute OR "mental health" budget')),
      '("acute" OR "mental health") AND "budget"',
    );
  });

  test("negations come last, after a positive term, whatever their place in the input", () => {
    assert.equal(toFts5Query(parseSearchQuery("-Torbay scrutiny")), '"scrutiny" NOT "Torbay"');
    assert.equal(
      toFts5Query(parseSearchQuery('-"due diligence" report -appendix')),
      '"report" NOT "due diligence" NOT "appendix"',
    );
  });

  test("operator words typed as words are quoted strings, not FTS5 operators", () => {
    assert.equal(toFts5Query(parseSearchQuery("NEAR AND NOT")), '"NEAR" AND "AND" AND "NOT"');
  });
});

// The same FTS5 machinery that search.ts uses, opened directly so that these tests stay pure.
const fts = new Database(":memory:");
after(() => fts.close());

describe("toFts5Query against a real FTS5 table", () => {
  fts.exec("create virtual table anything using fts5(x)");
  const matchAnything = fts.prepare("select rowid from anything where anything match ?");
  const special = fc.constantFrom(
    '"',
    "*",
    ":",
    "(",
    ")",
    "-",
    "+",
    "^",
    "{",
    "}",
    "NEAR",
    "NEAR(",
    "AND",
    "OR",
    "NOT",
    "or",
    "'",
    ",",
    "\\",
    "\u0000",
  );
  const fragment = fc.oneof(
    special,
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.string({ unit: "grapheme" }),
  );
  const separator = fc.constantFrom(" ", "", "  ", "\t", "\n");
  const input = fc
    .array(fc.tuple(fragment, separator), { maxLength: 12 })
    .map((parts) => parts.map(([text, sep]) => text + sep).join(""));

  test("any input gives a valid FTS5 expression whenever it has a positive term", () => {
    fc.assert(
      fc.property(input, (text) => {
        const query = parseSearchQuery(text);
        if (query.positive === 0) return;
        assert.doesNotThrow(() => matchAnything.all(toFts5Query(query)), `input ${JSON.stringify(text)}`);
      }),
      { numRuns: 2000 },
    );
  });

  test("examples that break a naive translation", () => {
    for (const text of [
      'a"b',
      '"a',
      "NEAR(a b)",
      "a AND",
      "(a",
      "a:b",
      "*a",
      "a*",
      "-a b",
      "a OR OR b",
      "^a",
    ]) {
      const query = parseSearchQuery(text);
      assert.ok(query.positive > 0, text);
      assert.doesNotThrow(() => matchAnything.all(toFts5Query(query)), text);
    }
  });
});

describe("toFts5Query means what the query says", () => {
  // A reference reading of a SearchQuery: every clause must have a term present, and no
  // negated term may be present. Checked against FTS5 over random passages of a small
  // vocabulary, so that operator precedence (NOT binds tighter than AND in FTS5) cannot
  // silently change the meaning.
  fts.exec("create virtual table passages using fts5(body)");
  const vocabulary = ["alpha", "beta", "gamma", "delta"];
  const word = fc.constantFrom(...vocabulary);
  const passage = fc.array(word, { minLength: 1, maxLength: 6 });
  const token = fc.oneof(
    word,
    word.map((w) => w.toUpperCase()),
    word.map((w) => `-${w}`),
    fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => `"${ws.join(" ")}"`),
    fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => `-"${ws.join(" ")}"`),
    fc.constant("OR"),
  );
  const queryText = fc.array(token, { minLength: 1, maxLength: 6 }).map((ts) => ts.join(" "));

  const contains = (words: string[], phrase: string) => {
    const wanted = phrase.toLowerCase().split(" ");
    return words.some((_, start) => wanted.every((w, k) => words[start + k] === w));
  };
  const matches = (query: SearchQuery, words: string[]) =>
    query.clauses.every((clause) =>
      clause.some((t) => (t.negated ? !contains(words, t.phrase) : contains(words, t.phrase))),
    );

  test("FTS5 returns exactly the passages the reference reading accepts", () => {
    const insert = fts.prepare("insert into passages(rowid, body) values (?, ?)");
    const select = fts.prepare<[string], { rowid: number }>(
      "select rowid from passages where passages match ?",
    );
    fc.assert(
      fc.property(fc.array(passage, { minLength: 1, maxLength: 12 }), queryText, (bodies, text) => {
        const query = parseSearchQuery(text);
        fc.pre(query.positive > 0);
        fts.exec("delete from passages");
        bodies.forEach((words, index) => insert.run(index + 1, words.join(" ")));
        const expected = bodies.flatMap((words, index) => (matches(query, words) ? [index + 1] : []));
        const actual = select
          .all(toFts5Query(query))
          .map((row) => row.rowid)
          .sort((a, b) => a - b);
        assert.deepEqual(actual, expected, `${text} → ${toFts5Query(query)}`);
      }),
      { numRuns: 500 },
    );
  });
});
