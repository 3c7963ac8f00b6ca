"""The press record: the corpus articles as sources, their reviewed claims, and press accuracy."""

import csv
import hashlib

import duckdb
import pandas as pd
import pytest

from uk_small_boats.extract.evaluate import load_corpus, match_gold, score_corpus
from uk_small_boats.metadata.schemas import read_csv_typed, resource
from uk_small_boats.paths import DATA, REPO

CORPUS = REPO.parent / "shared" / "corpus"
present = pytest.mark.skipif(not (CORPUS / "gold.csv").is_file(), reason="../shared/corpus not beside the repo")


def corpus_sources() -> pd.DataFrame:
    spec = resource("sources")
    sources = read_csv_typed(spec.data_path, spec)
    return sources[sources["file_name"].str.match(r"c\d\d_\d{4}-\d\d-\d\d\.txt$")]


def published_claims() -> dict[str, list[dict]]:
    spec = resource("claims")
    claims = read_csv_typed(spec.data_path, spec)
    out = {}
    for r in corpus_sources().itertuples(index=False):
        rows = claims[claims["source_id"] == r.source_id].to_dict("records")
        for c in rows:
            for k in ("period_start", "period_end"):
                c[k] = None if pd.isna(c[k]) else c[k].date()
        out[r.file_name[:-4]] = rows
    return out


def test_every_corpus_article_is_a_source_with_its_provenance():
    src = corpus_sources()
    assert len(src) == 58 and src["source_id"].is_unique
    assert src["url"].notna().all() and src["date_basis"].notna().all()
    assert set(src["date_method"]) <= {"stated", "url", "stored_page_date", "inferred_from_text", "inferred_from_series"}
    assert (src["licence"].str.contains("not redistributed")).all()


@present
def test_registered_hashes_are_the_corpus_texts():
    for r in corpus_sources().itertuples(index=False):
        data = (CORPUS / "articles" / r.file_name).read_bytes()
        assert (hashlib.sha256(data).hexdigest(), len(data)) == (r.sha256, r.bytes), r.file_name


@present
def test_published_claims_agree_with_the_gold(capsys):
    sc = score_corpus(CORPUS, predicted=published_claims())
    with capsys.disabled():
        print("\n" + sc.summary("published claims against the corpus gold"))
    p, r = sc.figures
    assert p >= 0.98 and r >= 0.98 and sc.exact_period >= 0.95, sc.by_article


@present
def test_every_published_discrepancy_rests_on_a_gold_row_that_disagrees(built):
    con = duckdb.connect(str(built / "uk_small_boats.duckdb"), read_only=True)
    try:
        rows = con.execute("""SELECT s.file_name, c.figure_start FROM claims c JOIN claim_checks k USING (claim_id)
                              JOIN sources s USING (source_id)
                              WHERE k.verdict = 'discrepancy' AND s.file_name LIKE 'c%'""").fetchall()
    finally:
        con.close()
    assert rows, "the press record has no discrepancy at all: the checker or the join is broken"
    texts, _, gold = load_corpus(CORPUS)
    claims = published_claims()
    notes = {}
    for g, k in match_gold(gold, texts, claims):
        if k is not None:
            notes[(g["article"], claims[g["article"]][k]["figure_start"])] = g["note"]
    for file_name, start in rows:
        note = notes.get((file_name[:-4], start), "")
        assert "disagree" in note, (file_name, start, note or "no gold row: an unreviewed figure")


def test_press_accuracy_counts_add_up(built):
    con = duckdb.connect(str(built / "uk_small_boats.duckdb"), read_only=True)
    try:
        acc = con.execute("SELECT * FROM press_accuracy").df()
        total = con.execute("""SELECT count(*) FROM claims c JOIN claim_checks k USING (claim_id) JOIN sources s
                               USING (source_id) WHERE s.kind = 'news' AND s.published_date IS NOT NULL
                               AND s.publisher IS NOT NULL
                               AND k.verdict IN ('match','consistent','revised','discrepancy','unresolved')""").fetchone()[0]
        wrong = con.execute("SELECT count(*) FROM press_discrepancies").fetchone()[0]
    finally:
        con.close()
    assert acc["figures_checked"].sum() == total
    parts = ["match", "consistent", "since_revised", "pre_series_tally_off", "discrepancy", "unresolved"]
    assert (acc[parts].sum(axis=1) == acc["figures_checked"]).all()
    assert acc[["pre_series_tally_off", "discrepancy"]].to_numpy().sum() == wrong
    assert acc["year"].min() == 2018 and acc["year"].max() >= 2025


def test_overrides_of_the_corpus_each_give_the_gold_as_reason():
    path = DATA / "claim_overrides_corpus.yaml"
    import yaml
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert entries and all(e["reason"].startswith(("Hand-labelled gold", "Not labelled by the corpus gold"))
                           for e in entries)


def test_gold_quotes_are_short():
    """The repo keeps short quotes of third-party text, never the text."""
    with open(REPO / "tests" / "gold" / "corpus1_verdicts.csv", newline="", encoding="utf-8") as fh:
        assert max(len(r["quote"].split()) for r in csv.DictReader(fh)) <= 40


@present
def test_the_committed_press_record_is_what_the_corpus_regenerates(tmp_path):
    """`curate --corpus` is reproducible: registering the corpus again into a copy of data/ gives the
    committed sources.csv and reviewed overrides byte for byte (edit the gold, never the outputs)."""
    from uk_small_boats.curate.press import register

    spec = resource("sources")
    (tmp_path / "sources.csv").write_bytes(spec.data_path.read_bytes())
    assert register(CORPUS, spec, tmp_path) == (58, len(yaml_entries(DATA / "claim_overrides_corpus.yaml")))
    for name in ("sources.csv", "claim_overrides_corpus.yaml"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def yaml_entries(path):
    import yaml
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_checks_of_a_source_dated_from_the_series_are_marked(built):
    """Issue 12: where a source's date was inferred by matching its figures to the series, the checks of
    its figures are marked date_from_series (and say so), and its date is not 'confirmed' by them."""
    con = duckdb.connect(str(built / "uk_small_boats.duckdb"), read_only=True)
    try:
        marks = con.execute("""SELECT s.date_method = 'inferred_from_series' AS from_series, k.date_from_series,
                                      k.verdict, k.explanation
                               FROM claims c JOIN claim_checks k USING (claim_id) JOIN sources s USING (source_id)""").df()
        confirmed = con.execute("""SELECT count(*) FROM source_date_checks d JOIN sources s USING (source_id)
                                   WHERE s.date_method = 'inferred_from_series' AND d.result = 'confirmed'""").fetchone()[0]
    finally:
        con.close()
    assert marks["from_series"].any(), "no source dated from the series: the test checks nothing"
    assert (marks["from_series"] == marks["date_from_series"].astype(bool)).all()
    agreeing = marks[marks["from_series"] & marks["verdict"].isin(["match", "consistent"])]
    assert len(agreeing) and agreeing["explanation"].str.contains("not an independent confirmation").all()
    assert confirmed == 0
