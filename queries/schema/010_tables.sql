-- Raw tables, loaded from data/sources/*.csv after validation (rrp_data/validate.py).
-- They live in schema "src"; the public contract is the views in 020_views.sql.
CREATE SCHEMA src;

CREATE TABLE src.documents (
    document VARCHAR PRIMARY KEY,
    title VARCHAR NOT NULL,
    publisher VARCHAR NOT NULL,
    published DATE,
    kind VARCHAR NOT NULL,
    description VARCHAR
);

CREATE TABLE src.regions (
    region_code VARCHAR PRIMARY KEY,
    name_fi VARCHAR NOT NULL,
    name_sv VARCHAR NOT NULL,
    short_name_fi VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    yta VARCHAR,
    sotkanet_id INTEGER,
    source_ref VARCHAR NOT NULL
);

CREATE TABLE src.investments (
    investment_code VARCHAR PRIMARY KEY,
    pillar INTEGER NOT NULL,
    name_fi VARCHAR NOT NULL,
    short_name_fi VARCHAR NOT NULL,
    eu_measure VARCHAR NOT NULL,
    deadline DATE,
    source_ref VARCHAR NOT NULL
);

CREATE TABLE src.indicators (
    indicator_code VARCHAR PRIMARY KEY,
    investment_code VARCHAR REFERENCES src.investments (investment_code),
    name_fi VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    definition_fi VARCHAR,
    baseline DOUBLE,
    baseline_period VARCHAR,
    interim_target DOUBLE,
    interim_target_period VARCHAR,
    target DOUBLE,
    target_period VARCHAR,
    is_eu_target BOOLEAN NOT NULL,
    source_ref VARCHAR NOT NULL
);

CREATE TABLE src.indicator_values (
    indicator_code VARCHAR NOT NULL REFERENCES src.indicators (indicator_code),
    region_code VARCHAR NOT NULL REFERENCES src.regions (region_code),
    period VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    denominator DOUBLE,
    period_label VARCHAR,
    note VARCHAR,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (indicator_code, region_code, period)
);

CREATE TABLE src.target_achievements (
    indicator_code VARCHAR NOT NULL REFERENCES src.indicators (indicator_code),
    region_code VARCHAR NOT NULL REFERENCES src.regions (region_code),
    statement_period VARCHAR NOT NULL,
    achieved VARCHAR NOT NULL,
    achieved_period VARCHAR,
    achieved_value DOUBLE,
    statement_fi VARCHAR NOT NULL,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (indicator_code, region_code, statement_period)
);

CREATE TABLE src.region_targets (
    indicator_code VARCHAR NOT NULL REFERENCES src.indicators (indicator_code),
    region_code VARCHAR NOT NULL REFERENCES src.regions (region_code),
    baseline DOUBLE,
    baseline_period VARCHAR,
    target DOUBLE NOT NULL,
    target_period VARCHAR NOT NULL,
    comparator VARCHAR NOT NULL,
    statement_fi VARCHAR NOT NULL,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (indicator_code, region_code, target_period)
);

CREATE TABLE src.progress (
    period VARCHAR NOT NULL,
    investment_code VARCHAR NOT NULL REFERENCES src.investments (investment_code),
    region_code VARCHAR NOT NULL REFERENCES src.regions (region_code),
    percent DOUBLE NOT NULL,
    note VARCHAR,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (period, investment_code, region_code)
);

CREATE TABLE src.progress_actors (
    period VARCHAR NOT NULL,
    investment_code VARCHAR NOT NULL REFERENCES src.investments (investment_code),
    actor VARCHAR NOT NULL,
    percent DOUBLE NOT NULL,
    note VARCHAR,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (period, investment_code, actor)
);

CREATE TABLE src.status_lights (
    period VARCHAR NOT NULL,
    investment_code VARCHAR NOT NULL REFERENCES src.investments (investment_code),
    region_code VARCHAR NOT NULL REFERENCES src.regions (region_code),
    dimension VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (period, investment_code, region_code, dimension)
);

CREATE TABLE src.innovations (
    innovation_id VARCHAR PRIMARY KEY,
    period VARCHAR NOT NULL,
    region_code VARCHAR REFERENCES src.regions (region_code),
    actor VARCHAR NOT NULL,
    respondent_role VARCHAR,
    innovation_fi VARCHAR NOT NULL,
    user_count DOUBLE,
    user_count_text VARCHAR,
    approximate BOOLEAN NOT NULL,
    basis_fi VARCHAR,
    source_ref VARCHAR NOT NULL
);

CREATE TABLE src.pilots (
    pilot_code VARCHAR NOT NULL,
    pilot_fi VARCHAR NOT NULL,
    investment_code VARCHAR NOT NULL REFERENCES src.investments (investment_code),
    region_code VARCHAR NOT NULL REFERENCES src.regions (region_code),
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (pilot_code, region_code)
);

CREATE TABLE src.research_funding (
    yta VARCHAR NOT NULL,
    project_fi VARCHAR NOT NULL,
    amount_meur DOUBLE NOT NULL,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (yta, project_fi)
);

CREATE TABLE src.narratives (
    narrative_id VARCHAR PRIMARY KEY,
    period VARCHAR NOT NULL,
    investment_code VARCHAR REFERENCES src.investments (investment_code),
    region_code VARCHAR NOT NULL REFERENCES src.regions (region_code),
    section VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    text_fi VARCHAR NOT NULL,
    source_ref VARCHAR NOT NULL
);

CREATE TABLE src.contacts (
    yta VARCHAR PRIMARY KEY,
    role_fi VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    phone VARCHAR,
    source_ref VARCHAR NOT NULL
);

CREATE TABLE src.events (
    event_date DATE NOT NULL,
    time_text VARCHAR,
    title_fi VARCHAR NOT NULL,
    mode VARCHAR,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (event_date, title_fi)
);

CREATE TABLE src.municipality_figures (
    municipality VARCHAR NOT NULL,
    measure VARCHAR NOT NULL,
    period VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    unit VARCHAR NOT NULL,
    period_label VARCHAR,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (municipality, measure, period)
);

CREATE TABLE src.plan_costs (
    plan_id VARCHAR NOT NULL,
    line_id VARCHAR NOT NULL,
    pillar INTEGER,
    investment_code VARCHAR REFERENCES src.investments (investment_code),
    part_fi VARCHAR,
    cost_eur DOUBLE,
    note VARCHAR,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (plan_id, line_id)
);

CREATE TABLE src.plan_work_packages (
    plan_id VARCHAR NOT NULL,
    wp_code VARCHAR NOT NULL,
    investment_code VARCHAR REFERENCES src.investments (investment_code),
    name_fi VARCHAR NOT NULL,
    person_years DOUBLE,
    cost_eur DOUBLE,
    note VARCHAR,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (plan_id, wp_code)
);

CREATE TABLE src.plan_risks (
    plan_id VARCHAR NOT NULL,
    risk_id VARCHAR NOT NULL,
    risk_fi VARCHAR NOT NULL,
    probability INTEGER NOT NULL,
    impact INTEGER NOT NULL,
    score DOUBLE NOT NULL,
    mitigation_fi VARCHAR,
    owner_fi VARCHAR,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (plan_id, risk_id)
);

CREATE TABLE src.plan_targets (
    plan_id VARCHAR NOT NULL,
    target_id VARCHAR NOT NULL,
    investment_code VARCHAR REFERENCES src.investments (investment_code),
    indicator_code VARCHAR REFERENCES src.indicators (indicator_code),
    target_fi VARCHAR NOT NULL,
    baseline DOUBLE,
    baseline_period VARCHAR,
    target DOUBLE,
    target_period VARCHAR,
    unit VARCHAR,
    source_ref VARCHAR NOT NULL,
    PRIMARY KEY (plan_id, target_id)
);

-- Derived at build time: every period text used anywhere, with its bounds and Finnish label.
CREATE TABLE src.periods (
    period VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    label_fi VARCHAR NOT NULL
);

-- Build metadata: build time, source digest, Sotkanet retrieval, loader messages.
CREATE TABLE src.build_info (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
