"""cultivation: incubation, purchased services, venture philanthropy, community funds, volunteers, stations

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

The rows of cultivation (civicdesk/models/cultivation.py); every table is synced like the register's
except cultivation_tally, the local sums per volunteer team and children's station, and dashboard_cache, the
dashboard's figures as last computed (civicdesk/models/dashboard.py).  No data.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dashboard_cache',
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('data_version', sa.String(length=200), nullable=False),
    sa.Column('computed_at', sa.DateTime(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_dashboard_cache'))
    )
    op.create_table('cultivation_tally',
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('service_days', sa.Integer(), nullable=False),
    sa.Column('person_times', sa.Integer(), nullable=False),
    sa.Column('in_difficulty', sa.Integer(), nullable=False),
    sa.Column('left_behind', sa.Integer(), nullable=False),
    sa.Column('volunteers', sa.Integer(), nullable=False),
    sa.Column('activities', sa.Integer(), nullable=False),
    sa.Column('hours', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('funded_foundation', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('funded_organization', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('funded_civil_affairs', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
        name=op.f('fk_cultivation_tally_organization_id_organization')),
    sa.PrimaryKeyConstraint('organization_id', name=op.f('pk_cultivation_tally'))
    )
    op.create_table('points_scheme',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_points_scheme'))
    )
    op.create_table('venture_round',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('division_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('organizer', sa.String(length=200), nullable=False),
    sa.Column('budget', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=False),
    sa.Column('closes_on', sa.Date(), nullable=False),
    sa.Column('awarded_on', sa.Date(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['division_code'], ['division.code'], name=op.f('fk_venture_round_division_code_division')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_venture_round'))
    )
    op.create_table('community_fund',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('division_code', sa.String(length=12), nullable=False),
    sa.Column('community_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('holder_org_id', sa.String(length=36), nullable=True),
    sa.Column('holder_name', sa.String(length=200), nullable=True),
    sa.Column('founded_on', sa.Date(), nullable=False),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['community_code'], ['division.code'],
        name=op.f('fk_community_fund_community_code_division')),
    sa.ForeignKeyConstraint(['division_code'], ['division.code'],
        name=op.f('fk_community_fund_division_code_division')),
    sa.ForeignKeyConstraint(['holder_org_id'], ['organization.id'],
        name=op.f('fk_community_fund_holder_org_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community_fund'))
    )
    op.create_table('incubation_base',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('division_code', sa.String(length=12), nullable=False),
    sa.Column('township_code', sa.String(length=12), nullable=True),
    sa.Column('operator_org_id', sa.String(length=36), nullable=True),
    sa.Column('operator_name', sa.String(length=200), nullable=True),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['division_code'], ['division.code'],
        name=op.f('fk_incubation_base_division_code_division')),
    sa.ForeignKeyConstraint(['operator_org_id'], ['organization.id'],
        name=op.f('fk_incubation_base_operator_org_id_organization')),
    sa.ForeignKeyConstraint(['township_code'], ['division.code'],
        name=op.f('fk_incubation_base_township_code_division')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incubation_base'))
    )
    with op.batch_alter_table('incubation_base', schema=None) as batch_op:
        batch_op.create_index('ix_incubation_base_office', ['office_code', 'division_code'], unique=False)

    op.create_table('service_project',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('division_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('funding_source', sa.String(length=32), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('contract_no', sa.String(length=64), nullable=True),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('deliverables', sa.Text(), nullable=False),
    sa.Column('evaluation', sa.String(length=16), nullable=True),
    sa.Column('evaluated_on', sa.Date(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['division_code'], ['division.code'],
        name=op.f('fk_service_project_division_code_division')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
        name=op.f('fk_service_project_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_project'))
    )
    with op.batch_alter_table('service_project', schema=None) as batch_op:
        batch_op.create_index('ix_service_project_office_year', ['office_code', 'year', 'division_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_project_organization_id'), ['organization_id'], unique=False)

    op.create_table('station_funding',
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('funder', sa.String(length=200), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['station_id'], ['organization.id'],
        name=op.f('fk_station_funding_station_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station_funding'))
    )
    with op.batch_alter_table('station_funding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_funding_station_id'), ['station_id'], unique=False)

    op.create_table('station_service',
    sa.Column('station_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('served_on', sa.Date(), nullable=False),
    sa.Column('activity', sa.String(length=200), nullable=False),
    sa.Column('person_times', sa.Integer(), nullable=False),
    sa.Column('in_difficulty', sa.Integer(), nullable=False),
    sa.Column('left_behind', sa.Integer(), nullable=False),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['station_id'], ['organization.id'],
        name=op.f('fk_station_service_station_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station_service'))
    )
    with op.batch_alter_table('station_service', schema=None) as batch_op:
        batch_op.create_index('ix_station_service_station',
            ['station_id', 'served_on', 'person_times', 'in_difficulty', 'left_behind', 'deleted_at'], unique=False)

    op.create_table('venture_application',
    sa.Column('round_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('applicant_name', sa.String(length=200), nullable=True),
    sa.Column('project_title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('amount_asked', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('amount_awarded', sa.Numeric(precision=16, scale=2), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
        name=op.f('fk_venture_application_organization_id_organization')),
    sa.ForeignKeyConstraint(['round_id'], ['venture_round.id'],
        name=op.f('fk_venture_application_round_id_venture_round')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_venture_application'))
    )
    with op.batch_alter_table('venture_application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_venture_application_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_venture_application_round_id'), ['round_id'], unique=False)

    op.create_table('volunteer',
    sa.Column('team_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('joined_on', sa.Date(), nullable=False),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['team_id'], ['organization.id'], name=op.f('fk_volunteer_team_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer'))
    )
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_team_id'), ['team_id'], unique=False)

    op.create_table('volunteer_activity',
    sa.Column('team_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['team_id'], ['organization.id'], name=op.f('fk_volunteer_activity_team_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer_activity'))
    )
    with op.batch_alter_table('volunteer_activity', schema=None) as batch_op:
        batch_op.create_index('ix_volunteer_activity_team', ['team_id', 'held_on'], unique=False)

    op.create_table('fund_entry',
    sa.Column('fund_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('entry_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('party', sa.String(length=200), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['fund_id'], ['community_fund.id'], name=op.f('fk_fund_entry_fund_id_community_fund')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fund_entry'))
    )
    with op.batch_alter_table('fund_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fund_entry_fund_id'), ['fund_id'], unique=False)

    op.create_table('incubation_resident',
    sa.Column('base_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('contact_name', sa.String(length=50), nullable=True),
    sa.Column('contact_phone', sa.String(length=32), nullable=True),
    sa.Column('admitted_on', sa.Date(), nullable=False),
    sa.Column('graduated_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('outcome_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['base_id'], ['incubation_base.id'],
        name=op.f('fk_incubation_resident_base_id_incubation_base')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
        name=op.f('fk_incubation_resident_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incubation_resident'))
    )
    with op.batch_alter_table('incubation_resident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incubation_resident_base_id'), ['base_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incubation_resident_organization_id'), ['organization_id'], unique=False)

    op.create_table('project_payment',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['service_project.id'],
        name=op.f('fk_project_payment_project_id_service_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_payment'))
    )
    with op.batch_alter_table('project_payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_payment_project_id'), ['project_id'], unique=False)

    op.create_table('venture_payment',
    sa.Column('venture_application_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['venture_application_id'], ['venture_application.id'],
        name=op.f('fk_venture_payment_venture_application_id_venture_application')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_venture_payment'))
    )
    with op.batch_alter_table('venture_payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_venture_payment_venture_application_id'),
            ['venture_application_id'], unique=False)

    op.create_table('venture_score',
    sa.Column('venture_application_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('judge', sa.String(length=50), nullable=False),
    sa.Column('score', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('scored_on', sa.Date(), nullable=False),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['venture_application_id'], ['venture_application.id'],
        name=op.f('fk_venture_score_venture_application_id_venture_application')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_venture_score'))
    )
    with op.batch_alter_table('venture_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_venture_score_venture_application_id'),
            ['venture_application_id'], unique=False)

    op.create_table('volunteer_award',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('volunteer_id', sa.String(length=36), nullable=True),
    sa.Column('team_id', sa.String(length=36), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('awarded_by', sa.String(length=200), nullable=False),
    sa.Column('awarded_on', sa.Date(), nullable=False),
    sa.Column('points', sa.Integer(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['team_id'], ['organization.id'], name=op.f('fk_volunteer_award_team_id_organization')),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_volunteer_award_volunteer_id_volunteer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer_award'))
    )
    with op.batch_alter_table('volunteer_award', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_award_team_id'), ['team_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteer_award_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('volunteer_hours',
    sa.Column('activity_id', sa.String(length=36), nullable=False),
    sa.Column('volunteer_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('hours', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['volunteer_activity.id'],
        name=op.f('fk_volunteer_hours_activity_id_volunteer_activity')),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_volunteer_hours_volunteer_id_volunteer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer_hours'))
    )
    with op.batch_alter_table('volunteer_hours', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_hours_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteer_hours_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('incubation_service',
    sa.Column('resident_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('until', sa.Date(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['resident_id'], ['incubation_resident.id'],
        name=op.f('fk_incubation_service_resident_id_incubation_resident')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incubation_service'))
    )
    with op.batch_alter_table('incubation_service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incubation_service_resident_id'), ['resident_id'], unique=False)



def downgrade() -> None:
    op.drop_table('dashboard_cache')
    op.drop_table('cultivation_tally')
    with op.batch_alter_table('incubation_service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incubation_service_resident_id'))

    op.drop_table('incubation_service')
    with op.batch_alter_table('volunteer_hours', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_hours_volunteer_id'))
        batch_op.drop_index(batch_op.f('ix_volunteer_hours_activity_id'))

    op.drop_table('volunteer_hours')
    with op.batch_alter_table('volunteer_award', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_award_volunteer_id'))
        batch_op.drop_index(batch_op.f('ix_volunteer_award_team_id'))

    op.drop_table('volunteer_award')
    with op.batch_alter_table('venture_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_venture_score_venture_application_id'))

    op.drop_table('venture_score')
    with op.batch_alter_table('venture_payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_venture_payment_venture_application_id'))

    op.drop_table('venture_payment')
    with op.batch_alter_table('project_payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_payment_project_id'))

    op.drop_table('project_payment')
    with op.batch_alter_table('incubation_resident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incubation_resident_organization_id'))
        batch_op.drop_index(batch_op.f('ix_incubation_resident_base_id'))

    op.drop_table('incubation_resident')
    with op.batch_alter_table('fund_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fund_entry_fund_id'))

    op.drop_table('fund_entry')
    with op.batch_alter_table('volunteer_activity', schema=None) as batch_op:
        batch_op.drop_index('ix_volunteer_activity_team')

    op.drop_table('volunteer_activity')
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_team_id'))

    op.drop_table('volunteer')
    with op.batch_alter_table('venture_application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_venture_application_round_id'))
        batch_op.drop_index(batch_op.f('ix_venture_application_organization_id'))

    op.drop_table('venture_application')
    with op.batch_alter_table('station_service', schema=None) as batch_op:
        batch_op.drop_index('ix_station_service_station')

    op.drop_table('station_service')
    with op.batch_alter_table('station_funding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_station_funding_station_id'))

    op.drop_table('station_funding')
    with op.batch_alter_table('service_project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_project_organization_id'))
        batch_op.drop_index('ix_service_project_office_year')

    op.drop_table('service_project')
    with op.batch_alter_table('incubation_base', schema=None) as batch_op:
        batch_op.drop_index('ix_incubation_base_office')

    op.drop_table('incubation_base')
    op.drop_table('community_fund')
    op.drop_table('venture_round')
    op.drop_table('points_scheme')
