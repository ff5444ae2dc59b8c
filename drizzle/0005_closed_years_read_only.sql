-- A closed fiscal year is read-only in the database as well as in the actions (assertYearOpen): a script,
-- a console session or a forgotten code path cannot change figures that were reported as final. Every
-- write is checked, whatever columns it touches, and a row cannot be moved into or out of a closed year.
-- The shared lock makes a concurrent close wait for the write, as assertYearOpen's does.
CREATE OR REPLACE FUNCTION fiscal_year_is_closed(y integer) RETURNS boolean
LANGUAGE sql AS $$
  SELECT coalesce((SELECT closed_at IS NOT NULL FROM fiscal_years WHERE year = y FOR SHARE), false);
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION contributions_closed_year_read_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND fiscal_year_is_closed(OLD.year) THEN
    RAISE EXCEPTION 'fiscal year % is closed: its contributions are read-only', OLD.year
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND fiscal_year_is_closed(NEW.year) THEN
    RAISE EXCEPTION 'fiscal year % is closed: its contributions are read-only', NEW.year
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER contributions_closed_year
  BEFORE INSERT OR UPDATE OR DELETE ON contributions
  FOR EACH ROW EXECUTE FUNCTION contributions_closed_year_read_only();
--> statement-breakpoint
-- A payment belongs to the fiscal year of its contribution.
CREATE OR REPLACE FUNCTION payments_closed_year_read_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  y integer;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT year INTO y FROM contributions WHERE id = OLD.contribution_id;
    IF fiscal_year_is_closed(y) THEN
      RAISE EXCEPTION 'fiscal year % is closed: its payments are read-only', y
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT year INTO y FROM contributions WHERE id = NEW.contribution_id;
    IF fiscal_year_is_closed(y) THEN
      RAISE EXCEPTION 'fiscal year % is closed: its payments are read-only', y
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER payments_closed_year
  BEFORE INSERT OR UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION payments_closed_year_read_only();
