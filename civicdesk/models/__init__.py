"""SQLAlchemy 2.x mapped classes, the engine factory and the Alembic migrations.

Imports nothing else of civicdesk and never Qt.
"""

from civicdesk.models.accounts import UserAccount
from civicdesk.models.audit import AuditEntry
from civicdesk.models.base import Base, SyncedMixin, new_id, table_of
from civicdesk.models.engine import make_engine, make_session_factory
from civicdesk.models.cultivation import (CommunityFund, CultivationTally, FundEntry, IncubationBase,
                                          IncubationResident, IncubationService, PointsScheme, ProjectPayment,
                                          ServiceProject,
                                          StationFunding, StationService, VentureApplication, VenturePayment,
                                          VentureRound, VentureScore, Volunteer, VolunteerActivity, VolunteerAward,
                                          VolunteerHours)
from civicdesk.models.dashboard import DashboardCache
from civicdesk.models.enforcement import (CalendarDay, Complaint, ComplaintReporter, CreditEvent, CreditListing,
                                          CreditObjection, Interview, Penalty, Ruling)
from civicdesk.models.filing import Filing, FilingEvent
from civicdesk.models.reference import DictionaryEntry, Division, Office, Population
from civicdesk.models.register import Organization, OrgChange, OrgPerson
from civicdesk.models.supervision import (InspectionCampaign, InspectionEvent, InspectionRecord, Inspector, Parameter,
                                          RatingApplication, RatingEvent, SpotcheckItem, SpotcheckPlan)

__all__ = [
    "DashboardCache",
    "CommunityFund",
    "CultivationTally",
    "FundEntry",
    "IncubationBase",
    "IncubationResident",
    "IncubationService",
    "PointsScheme",
    "ProjectPayment",
    "ServiceProject",
    "StationFunding",
    "StationService",
    "VentureApplication",
    "VenturePayment",
    "VentureRound",
    "VentureScore",
    "Volunteer",
    "VolunteerActivity",
    "VolunteerAward",
    "VolunteerHours",
    "AuditEntry",
    "CalendarDay",
    "Complaint",
    "ComplaintReporter",
    "CreditEvent",
    "CreditListing",
    "CreditObjection",
    "Interview",
    "Penalty",
    "Ruling",
    "Filing",
    "FilingEvent",
    "UserAccount",
    "InspectionCampaign",
    "InspectionEvent",
    "InspectionRecord",
    "Inspector",
    "Parameter",
    "RatingApplication",
    "RatingEvent",
    "SpotcheckItem",
    "SpotcheckPlan",
    "Base",
    "DictionaryEntry",
    "Division",
    "Office",
    "OrgChange",
    "OrgPerson",
    "Organization",
    "Population",
    "SyncedMixin",
    "make_engine",
    "make_session_factory",
    "new_id",
    "table_of",
]
