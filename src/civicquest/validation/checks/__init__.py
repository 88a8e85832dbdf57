"""Cross-checks that pydantic cannot express; each returns a list of located issues."""

from .questionnaire import check_questionnaire
from .respondents import check_respondents
from .responses import ResponseChecker, check_coverage

__all__ = ["ResponseChecker", "check_coverage", "check_questionnaire", "check_respondents"]
