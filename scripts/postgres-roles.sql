-- Roles on the central PostgreSQL server for hallrate's publications (docs/operations.md, "Many counties:
-- publishing to PostgreSQL"). Run as the owner of the schema, after the first publication created the tables:
--
--   psql "$OWNER_URL" -v schema=hallrate -f scripts/postgres-roles.sql                    # once (and after an upgrade)
--   psql "$OWNER_URL" -v schema=hallrate -v member=qixingguan -f scripts/postgres-roles.sql  # once per county
--
-- A county logs in as a role named like its member (output.postgres.member) and may write only rows whose
-- member is its own name: a trigger on every table refuses anything else, COPY included (row-level
-- security would not do: PostgreSQL refuses COPY FROM into a table with it). The federated run logs in as a
-- role of hallrate_reader, which may only read. Give each role its password with \password, never in a file.
\set ON_ERROR_STOP on
\if :{?member}
  CREATE ROLE :"member" LOGIN IN ROLE hallrate_member;
\else
  DO $$ BEGIN CREATE ROLE hallrate_member NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
  DO $$ BEGIN CREATE ROLE hallrate_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
  GRANT USAGE ON SCHEMA :"schema" TO hallrate_member, hallrate_reader;
  GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA :"schema" TO hallrate_member;
  GRANT SELECT ON ALL TABLES IN SCHEMA :"schema" TO hallrate_reader;
  SET search_path = :"schema";
  CREATE OR REPLACE FUNCTION own_rows_only() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    row_member text := CASE WHEN TG_OP = 'DELETE' THEN OLD.member ELSE NEW.member END;
  BEGIN
    IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
               WHERE g.rolname = 'hallrate_member' AND u.rolname = session_user)
       AND row_member IS DISTINCT FROM session_user::text THEN
      RAISE EXCEPTION 'role % may write only its own publication, not the rows of member %', session_user, row_member;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END $$;
  CREATE OR REPLACE TRIGGER own_rows_only BEFORE INSERT OR UPDATE OR DELETE ON publications FOR EACH ROW EXECUTE FUNCTION own_rows_only();
  CREATE OR REPLACE TRIGGER own_rows_only BEFORE INSERT OR UPDATE OR DELETE ON halls FOR EACH ROW EXECUTE FUNCTION own_rows_only();
  CREATE OR REPLACE TRIGGER own_rows_only BEFORE INSERT OR UPDATE OR DELETE ON periods FOR EACH ROW EXECUTE FUNCTION own_rows_only();
  CREATE OR REPLACE TRIGGER own_rows_only BEFORE INSERT OR UPDATE OR DELETE ON hall_month_counts FOR EACH ROW EXECUTE FUNCTION own_rows_only();
  CREATE OR REPLACE TRIGGER own_rows_only BEFORE INSERT OR UPDATE OR DELETE ON breakdowns FOR EACH ROW EXECUTE FUNCTION own_rows_only();
\endif
