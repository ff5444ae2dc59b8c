CREATE TYPE "public"."contribution_kind" AS ENUM('assessed', 'voluntary');--> statement-breakpoint
CREATE TYPE "public"."contribution_status" AS ENUM('planned', 'assessed', 'partially_paid', 'paid', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."organization_kind" AS ENUM('organization', 'fund', 'programme');--> statement-breakpoint
CREATE TYPE "public"."responsibility_role" AS ENUM('lead', 'co_responsible', 'paying');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'editor', 'viewer');--> statement-breakpoint
CREATE TABLE "budget_programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "budget_programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name_lv" text NOT NULL,
	"name_en" text NOT NULL,
	"ministry_id" integer NOT NULL,
	"valid_from_year" integer NOT NULL,
	"valid_to_year" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_programmes_code_format" CHECK ("budget_programmes"."code" ~ '^[0-9]{2}\.[0-9]{2}\.00$'),
	CONSTRAINT "budget_programmes_years" CHECK ("budget_programmes"."valid_from_year" between 1990 and 2100 and ("budget_programmes"."valid_to_year" is null or "budget_programmes"."valid_to_year" >= "budget_programmes"."valid_from_year"))
);
--> statement-breakpoint
CREATE TABLE "currencies" (
	"code" text PRIMARY KEY NOT NULL,
	"name_lv" text NOT NULL,
	"name_en" text NOT NULL,
	"fixed_rate" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "currencies_code_iso4217" CHECK ("currencies"."code" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_rates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"currency" text NOT NULL,
	"units_per_eur" numeric(18, 8) NOT NULL,
	"source" text NOT NULL,
	"entered_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_positive" CHECK ("exchange_rates"."units_per_eur" > 0),
	CONSTRAINT "exchange_rates_year" CHECK ("exchange_rates"."year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE TABLE "fiscal_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiscal_years_year" CHECK ("fiscal_years"."year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE TABLE "ministries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ministries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name_lv" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ministries_code_format" CHECK ("ministries"."code" ~ '^[a-z][a-z0-9_-]{0,15}$')
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"role" "user_role" DEFAULT 'viewer' NOT NULL,
	"ministry_id" integer,
	"locale" text DEFAULT 'lv' NOT NULL,
	"disabled_at" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_login_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email") and position('@' in "users"."email") > 1),
	CONSTRAINT "users_locale" CHECK ("users"."locale" in ('lv', 'en'))
);
--> statement-breakpoint
CREATE TABLE "organization_responsibilities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organization_responsibilities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organization_id" integer NOT NULL,
	"ministry_id" integer NOT NULL,
	"role" "responsibility_role" NOT NULL,
	"valid_from" date DEFAULT current_date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_responsibilities_dates" CHECK ("organization_responsibilities"."valid_to" is null or "organization_responsibilities"."valid_to" >= "organization_responsibilities"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organizations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"acronym" text NOT NULL,
	"name_lv" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" "organization_kind" DEFAULT 'organization' NOT NULL,
	"hq_city" text,
	"website" text,
	"member_since" date,
	"treaty_url" text,
	"billing_currencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_url" text,
	"notes" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_billing_currencies_iso4217" CHECK (array_to_string("organizations"."billing_currencies", ',') ~ '^([A-Z]{3}(,[A-Z]{3})*)?$')
);
--> statement-breakpoint
CREATE TABLE "mission_ministries" (
	"mission_id" integer NOT NULL,
	"ministry_id" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mission_ministries_mission_id_ministry_id_pk" PRIMARY KEY("mission_id","ministry_id")
);
--> statement-breakpoint
CREATE TABLE "mission_organizations" (
	"mission_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mission_organizations_mission_id_organization_id_pk" PRIMARY KEY("mission_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "missions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "missions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name_lv" text NOT NULL,
	"name_en" text NOT NULL,
	"city" text NOT NULL,
	"country_code" text NOT NULL,
	"address" text,
	"head_of_mission" text,
	"email" text,
	"phone" text,
	"website" text,
	"opened_on" date,
	"closed_on" date,
	"notes" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "missions_country_iso3166" CHECK ("missions"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "missions_dates" CHECK ("missions"."closed_on" is null or "missions"."opened_on" is null or "missions"."closed_on" >= "missions"."opened_on")
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contributions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organization_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" "contribution_kind" NOT NULL,
	"paying_ministry_id" integer,
	"budget_programme_id" integer,
	"currency" text,
	"amount" numeric(18, 2),
	"exchange_rate_id" integer,
	"amount_eur" numeric(18, 2),
	"planned_eur" numeric(18, 2),
	"status" "contribution_status" DEFAULT 'planned' NOT NULL,
	"due_date" date,
	"cabinet_order" text,
	"invoice_ref" text,
	"source_url" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contributions_year" CHECK ("contributions"."year" between 1990 and 2100),
	CONSTRAINT "contributions_amounts_non_negative" CHECK (coalesce("contributions"."amount", 0) >= 0 and coalesce("contributions"."amount_eur", 0) >= 0 and coalesce("contributions"."planned_eur", 0) >= 0),
	CONSTRAINT "contributions_amount_has_currency" CHECK ("contributions"."amount" is null or "contributions"."currency" is not null),
	CONSTRAINT "contributions_amount_has_eur" CHECK (("contributions"."amount" is null) = ("contributions"."amount_eur" is null)),
	CONSTRAINT "contributions_conversion_has_rate" CHECK ("contributions"."amount" is null or "contributions"."currency" = 'EUR' or "contributions"."exchange_rate_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"contribution_id" integer NOT NULL,
	"paid_on" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"currency" text NOT NULL,
	"exchange_rate_id" integer,
	"amount_eur" numeric(18, 2) NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amounts_positive" CHECK ("payments"."amount" > 0 and "payments"."amount_eur" >= 0),
	CONSTRAINT "payments_conversion_has_rate" CHECK ("payments"."currency" = 'EUR' or "payments"."exchange_rate_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "budget_programmes" ADD CONSTRAINT "budget_programmes_ministry_id_ministries_id_fk" FOREIGN KEY ("ministry_id") REFERENCES "public"."ministries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_currency_currencies_code_fk" FOREIGN KEY ("currency") REFERENCES "public"."currencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_years" ADD CONSTRAINT "fiscal_years_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_ministry_id_ministries_id_fk" FOREIGN KEY ("ministry_id") REFERENCES "public"."ministries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_responsibilities" ADD CONSTRAINT "organization_responsibilities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_responsibilities" ADD CONSTRAINT "organization_responsibilities_ministry_id_ministries_id_fk" FOREIGN KEY ("ministry_id") REFERENCES "public"."ministries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_ministries" ADD CONSTRAINT "mission_ministries_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_ministries" ADD CONSTRAINT "mission_ministries_ministry_id_ministries_id_fk" FOREIGN KEY ("ministry_id") REFERENCES "public"."ministries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_organizations" ADD CONSTRAINT "mission_organizations_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_organizations" ADD CONSTRAINT "mission_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_paying_ministry_id_ministries_id_fk" FOREIGN KEY ("paying_ministry_id") REFERENCES "public"."ministries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_budget_programme_id_budget_programmes_id_fk" FOREIGN KEY ("budget_programme_id") REFERENCES "public"."budget_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_currency_currencies_code_fk" FOREIGN KEY ("currency") REFERENCES "public"."currencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_exchange_rate_id_exchange_rates_id_fk" FOREIGN KEY ("exchange_rate_id") REFERENCES "public"."exchange_rates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_currency_currencies_code_fk" FOREIGN KEY ("currency") REFERENCES "public"."currencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_exchange_rate_id_exchange_rates_id_fk" FOREIGN KEY ("exchange_rate_id") REFERENCES "public"."exchange_rates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_programmes_ministry_idx" ON "budget_programmes" USING btree ("ministry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_programmes_ministry_code_from_key" ON "budget_programmes" USING btree ("ministry_id","code","valid_from_year");--> statement-breakpoint
CREATE INDEX "exchange_rates_currency_year_idx" ON "exchange_rates" USING btree ("currency","year","created_at");--> statement-breakpoint
CREATE INDEX "exchange_rates_entered_by_idx" ON "exchange_rates" USING btree ("entered_by");--> statement-breakpoint
CREATE INDEX "fiscal_years_closed_by_idx" ON "fiscal_years" USING btree ("closed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "ministries_code_key" ON "ministries" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_ministry_idx" ON "users" USING btree ("ministry_id");--> statement-breakpoint
CREATE INDEX "organization_responsibilities_organization_idx" ON "organization_responsibilities" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "organization_responsibilities_ministry_idx" ON "organization_responsibilities" USING btree ("ministry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_responsibilities_one_current_lead" ON "organization_responsibilities" USING btree ("organization_id") WHERE "organization_responsibilities"."role" = 'lead' and "organization_responsibilities"."valid_to" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_responsibilities_one_current_role" ON "organization_responsibilities" USING btree ("organization_id","ministry_id") WHERE "organization_responsibilities"."valid_to" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_acronym_key" ON "organizations" USING btree ("acronym");--> statement-breakpoint
CREATE INDEX "organizations_kind_idx" ON "organizations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "organizations_archived_idx" ON "organizations" USING btree ("archived_at");--> statement-breakpoint
CREATE INDEX "mission_ministries_ministry_idx" ON "mission_ministries" USING btree ("ministry_id");--> statement-breakpoint
CREATE INDEX "mission_organizations_organization_idx" ON "mission_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "missions_country_idx" ON "missions" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "missions_archived_idx" ON "missions" USING btree ("archived_at");--> statement-breakpoint
CREATE INDEX "contributions_year_idx" ON "contributions" USING btree ("year");--> statement-breakpoint
CREATE INDEX "contributions_organization_year_idx" ON "contributions" USING btree ("organization_id","year");--> statement-breakpoint
CREATE INDEX "contributions_paying_ministry_idx" ON "contributions" USING btree ("paying_ministry_id");--> statement-breakpoint
CREATE INDEX "contributions_budget_programme_idx" ON "contributions" USING btree ("budget_programme_id");--> statement-breakpoint
CREATE INDEX "contributions_currency_idx" ON "contributions" USING btree ("currency");--> statement-breakpoint
CREATE INDEX "contributions_exchange_rate_idx" ON "contributions" USING btree ("exchange_rate_id");--> statement-breakpoint
CREATE INDEX "contributions_status_idx" ON "contributions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "contributions_kind_idx" ON "contributions" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "contributions_due_date_idx" ON "contributions" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "contributions_created_by_idx" ON "contributions" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "contributions_updated_by_idx" ON "contributions" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "payments_contribution_idx" ON "payments" USING btree ("contribution_id");--> statement-breakpoint
CREATE INDEX "payments_currency_idx" ON "payments" USING btree ("currency");--> statement-breakpoint
CREATE INDEX "payments_exchange_rate_idx" ON "payments" USING btree ("exchange_rate_id");--> statement-breakpoint
CREATE INDEX "payments_paid_on_idx" ON "payments" USING btree ("paid_on");--> statement-breakpoint
CREATE INDEX "payments_created_by_idx" ON "payments" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "payments_updated_by_idx" ON "payments" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");