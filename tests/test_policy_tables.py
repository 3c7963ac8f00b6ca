"""The curated policy tables, queried from the built DuckDB file through their evidence."""

import duckdb
import pytest


@pytest.fixture
def con(built):
    c = duckdb.connect(str(built / "uk_small_boats.duckdb"), read_only=True)
    yield c
    c.close()


def test_summit_and_named_participants(con):
    summit = con.execute("""SELECT name, place, start_date::VARCHAR, quote FROM events
                            JOIN evidence USING (evidence_id) WHERE kind = 'summit'""").fetchall()
    assert summit[0][:3] == ("Border Security Summit", "Lancaster House, central London", "2025-03-31")
    assert "Lancaster House" in summit[0][3]
    named = {r[0] for r in con.execute("""SELECT actor_name FROM participants_named
              WHERE event_id = 'border-security-summit-2025' AND actor_name IS NOT NULL""").fetchall()}
    assert {"Sir Keir Starmer", "Yvette Cooper", "Meta", "X", "TikTok"} <= named
    count = con.execute("""SELECT count, count_qualifier FROM participants
                           WHERE event_id = 'border-security-summit-2025' AND count IS NOT NULL""").fetchall()
    assert count == [(40, "more_than")]  # a count row, not invented names


def test_30m_and_3m_commitments_with_their_claims(con):
    rows = con.execute("""SELECT recipient, amount, currency, f.claim_id, c.figure_text, c.value
                          FROM funding_with_evidence f JOIN claims c USING (claim_id)
                          WHERE f.announced_date = DATE '2025-03-31' ORDER BY amount""").fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [("Crown Prosecution Service", 3e6, "GBP"),
                                                  ("Border Security Command", 30e6, "GBP")]
    assert [r[4] for r in rows] == ["£3m", "£30m"] and all(r[1] == r[5] for r in rows)


def test_second_deportation_under_the_pilot(con):
    rows = con.execute("""SELECT r.nationality, r.kind, r.status, e.quote, c.value, c.metric
                          FROM returns r JOIN evidence e USING (evidence_id) JOIN claims c USING (claim_id)
                          WHERE r.policy_id = 'one-in-one-out' AND r.status = 'carried_out'
                            AND c.figure_text = 'second'""").fetchall()
    assert len(rows) == 1
    nationality, kind, status, quote, value, metric = rows[0]
    assert (nationality, kind, status, value, metric) == ("ER", "deportation", "carried_out", 2, "people_returned")
    assert "second migrant to be deported" in quote


def test_every_policy_row_has_evidence_in_a_verified_source(con):
    for table in ("actors", "policies", "events", "participants", "returns", "funding"):
        orphans = con.execute(f"SELECT count(*) FROM {table} t LEFT JOIN evidence e USING (evidence_id) "
                              f"WHERE e.evidence_id IS NULL").fetchall()[0][0]
        assert orphans == 0, table
    rewrite = con.execute("""SELECT count(*) FROM evidence e JOIN sources s USING (source_id)
                             WHERE s.kind = 'unattributed_rewrite'""").fetchall()[0][0]
    assert rewrite == 0


def test_timeline_is_dated_and_quoted(con):
    rows = con.execute("SELECT date::VARCHAR, kind, id FROM timeline WHERE date IS NOT NULL").fetchall()
    assert ("2025-03-31", "event", "border-security-summit-2025") in rows
    assert ("2025-08-01", "policy_start", "one-in-one-out") in rows
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)


def test_foreign_keys_enforced_in_duckdb(con):
    fks = con.execute("""SELECT table_name FROM duckdb_constraints()
                         WHERE constraint_type = 'FOREIGN KEY'""").fetchall()
    assert {("returns",), ("funding",), ("participants",), ("evidence",), ("claim_checks",)} <= set(fks)
