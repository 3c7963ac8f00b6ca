-- Views researchers want; each is documented in the docs' data dictionary.

-- Weeks where SB_02 disagrees with the sum of SB_01 (expected to be empty; non-empty is news).
CREATE VIEW official_weekly_reconciliation AS
SELECT week_ending, people_arrived, people_arrived_daily_sum,
       people_arrived - people_arrived_daily_sum AS people_difference,
       boats_arrived, boats_arrived_daily_sum,
       boats_arrived - boats_arrived_daily_sum AS boats_difference
FROM official_weekly
WHERE people_arrived IS DISTINCT FROM people_arrived_daily_sum
   OR boats_arrived IS DISTINCT FROM boats_arrived_daily_sum;

-- Arrivals per calendar month and year from the daily series.
CREATE VIEW official_monthly AS
SELECT date_trunc('month', date)::DATE AS month, sum(people_arrived) AS people_arrived,
       sum(boats_arrived) AS boats_arrived,
       round(sum(people_arrived) / nullif(sum(boats_arrived), 0), 1) AS people_per_boat
FROM official_daily GROUP BY ALL ORDER BY month;

CREATE VIEW official_yearly AS
SELECT year(date) AS year, sum(people_arrived) AS people_arrived, sum(boats_arrived) AS boats_arrived,
       count(*) AS days_reported, max(date) AS last_date
FROM official_daily GROUP BY ALL ORDER BY year;

-- Every claim beside its fact-check verdict and the official figure.
CREATE VIEW claims_checked AS
SELECT c.*, k.* EXCLUDE (claim_id), s.publisher, s.published_date, s.kind AS source_kind
FROM claims c LEFT JOIN claim_checks k USING (claim_id) JOIN sources s USING (source_id);

-- Returns, funding and events with the quote each rests on.
CREATE VIEW returns_with_evidence AS
SELECT r.*, e.source_id, e.quote, e.char_start, e.char_end, e.claim_id
FROM returns r JOIN evidence e USING (evidence_id);

CREATE VIEW funding_with_evidence AS
SELECT f.*, payer.name AS payer, recipient.name AS recipient, e.source_id, e.quote, e.char_start, e.char_end, e.claim_id
FROM funding f JOIN evidence e USING (evidence_id)
JOIN actors payer ON payer.actor_id = f.payer_actor_id
JOIN actors recipient ON recipient.actor_id = f.recipient_actor_id;

CREATE VIEW participants_named AS
SELECT p.*, ev.name AS event_name, ev.start_date, a.name AS actor_name, a.kind AS actor_kind, e.quote, e.source_id
FROM participants p JOIN events ev USING (event_id) LEFT JOIN actors a USING (actor_id)
JOIN evidence e ON e.evidence_id = p.evidence_id;

-- One dated line per event, return, funding commitment and policy start, joined to its quote.
CREATE VIEW timeline AS
SELECT * FROM (
  SELECT ev.start_date AS date, 'event' AS kind, ev.event_id AS id, ev.name AS what, ev.date_text AS when_text,
         e.source_id, e.quote, e.char_start, e.char_end
  FROM events ev JOIN evidence e USING (evidence_id)
  UNION ALL
  SELECT r.period_end, 'return', r.return_id, r.description, r.date_text, e.source_id, e.quote, e.char_start, e.char_end
  FROM returns r JOIN evidence e USING (evidence_id)
  UNION ALL
  SELECT f.announced_date, 'funding', f.funding_id, f.purpose, f.date_text, e.source_id, e.quote, e.char_start, e.char_end
  FROM funding f JOIN evidence e USING (evidence_id)
  UNION ALL
  SELECT p.start_date, 'policy_start', p.policy_id, p.name, p.date_text, e.source_id, e.quote, e.char_start, e.char_end
  FROM policies p JOIN evidence e USING (evidence_id)
) ORDER BY date NULLS LAST, kind, id;

-- The source registry with the result of checking each established date against the series.
CREATE VIEW sources_dated AS
SELECT s.*, d.result AS date_check, d.exact_days, d.explanation AS date_check_explanation
FROM sources s LEFT JOIN source_date_checks d USING (source_id);

-- How accurately the press reported the crossings: per publisher and year, the figures checked
-- against the series and their verdicts. Figures since revised and pre-2020 press tallies (before
-- the Home Office published daily figures, papers counted for themselves) are kept apart from errors.
CREATE VIEW press_accuracy AS
SELECT s.publisher, year(s.published_date) AS year,
       count(*) FILTER (WHERE k.verdict IN ('match', 'consistent', 'revised', 'discrepancy', 'unresolved')) AS figures_checked,
       count(*) FILTER (WHERE k.verdict = 'match') AS match,
       count(*) FILTER (WHERE k.verdict = 'consistent') AS consistent,
       count(*) FILTER (WHERE k.verdict = 'revised') AS since_revised,
       count(*) FILTER (WHERE k.verdict = 'discrepancy' AND c.period_end < DATE '2020-01-01') AS pre_series_tally_off,
       count(*) FILTER (WHERE k.verdict = 'discrepancy' AND c.period_end >= DATE '2020-01-01') AS discrepancy,
       count(*) FILTER (WHERE k.verdict = 'unresolved') AS unresolved,
       round(count(*) FILTER (WHERE k.verdict IN ('match', 'consistent', 'revised'))
             / nullif(count(*) FILTER (WHERE k.verdict IN ('match', 'consistent', 'revised', 'discrepancy')), 0), 3)
         AS share_supported
FROM claims c JOIN claim_checks k USING (claim_id) JOIN sources s USING (source_id)
WHERE s.kind = 'news' AND s.publisher IS NOT NULL AND s.published_date IS NOT NULL
GROUP BY ALL ORDER BY year, publisher;

-- Every figure the press got wrong by the series, with its quote, the official figure and why.
CREATE VIEW press_discrepancies AS
SELECT s.publisher, s.published_date, s.source_id, s.url, c.claim_id, c.quote, c.figure_text, c.metric,
       c.period_start, c.period_end, k.official_value, k.difference, k.explanation,
       CASE WHEN c.period_end < DATE '2020-01-01' THEN 'pre-series press tally' ELSE 'reported figure' END AS era
FROM claims c JOIN claim_checks k USING (claim_id) JOIN sources s USING (source_id)
WHERE s.kind = 'news' AND k.verdict = 'discrepancy'
ORDER BY s.published_date, s.publisher, c.figure_start;

-- Each view's description (shown by the data dictionary and the SQL console from the file itself).
COMMENT ON VIEW official_weekly_reconciliation IS 'Weeks where SB_02 disagrees with the sum of SB_01 days (expected to be empty; non-empty is news).';
COMMENT ON VIEW official_monthly IS 'People and boats arrived per calendar month from the daily series, with people per boat.';
COMMENT ON VIEW official_yearly IS 'People and boats arrived per calendar year from the daily series, with the days reported and the last date.';
COMMENT ON VIEW claims_checked IS 'Every claim beside its fact-check verdict and the official figure, with its source''s publisher, date and kind.';
COMMENT ON VIEW returns_with_evidence IS 'Returns with the quote each rests on.';
COMMENT ON VIEW funding_with_evidence IS 'Funding commitments with payer and recipient names and the quote each rests on.';
COMMENT ON VIEW participants_named IS 'Participants with their event, actor and the quote each rests on.';
COMMENT ON VIEW timeline IS 'One dated line per event, return, funding commitment and policy start, joined to its quote.';
COMMENT ON VIEW sources_dated IS 'The source registry with the result of checking each established date against the series.';
COMMENT ON VIEW press_accuracy IS 'How accurately the press reported the crossings: per publisher and year, figures checked and their verdicts, with figures since revised and pre-2020 press tallies kept apart from errors.';
COMMENT ON VIEW press_discrepancies IS 'Every figure a news source got wrong by the series, with its quote, the official figure and the explanation.';
