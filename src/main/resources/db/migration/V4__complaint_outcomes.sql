-- The complaint module's published read model for other modules: one row per complaint with its brand, status,
-- clocks and rating. The score reads this view, never the complaint tables, so the complaint module may reshape
-- its tables as long as the view keeps its columns. PostgreSQL inlines it: reading it costs what the join costs.
CREATE VIEW complaint_outcomes AS
SELECT c.id AS complaint_id, c.brand_id, c.status, c.created_at, c.first_response_at, c.first_response_due_at,
       r.stars, r.would_buy_again
FROM complaints c LEFT JOIN ratings r ON r.complaint_id = c.id;
