-- A stored conversion names the rate row it used; changing that row would silently change past
-- figures. Corrections are new rows, so an UPDATE is always a mistake.
CREATE OR REPLACE FUNCTION exchange_rates_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'exchange_rates rows are immutable: add a new row to correct a rate'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER exchange_rates_no_update
  BEFORE UPDATE ON exchange_rates
  FOR EACH ROW EXECUTE FUNCTION exchange_rates_immutable();
