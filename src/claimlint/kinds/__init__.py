"""Rule kinds: each is one class in one module; KINDS maps a YAML `kind:` to its class."""

from claimlint.kinds.base import Kind
from claimlint.kinds.causal import CausalClaim
from claimlint.kinds.document import DocumentRequirement
from claimlint.kinds.phrase import Phrase
from claimlint.kinds.statistic import Statistic

KINDS: dict[str, type[Kind]] = {kind.name: kind for kind in (CausalClaim, DocumentRequirement, Phrase, Statistic)}
