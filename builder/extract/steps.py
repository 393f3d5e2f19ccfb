"""What a pipeline step is, and how a step that raises becomes its record's reject."""

from __future__ import annotations

from collections.abc import Callable

from builder.reasons import Reason
from builder.record import Record, Reject

# A step reads and fills one record; it answers a Reject to stop the record there, else None.
Step = Callable[[Record], Reject | None]


def stage_of(step: Callable[..., Reject | None]) -> str:
    """The name a failure is reported under: a step's own `stage`, else its function's name."""
    return getattr(step, "stage", None) or getattr(step, "__name__", type(step).__name__).lstrip("_")


def run_step(step: Callable[..., Reject | None], record: Record, *args: object) -> Reject | None:
    """One step on one record; any exception becomes that record's `parse_error` reject, naming the step."""
    try:
        return step(record, *args)
    except Exception as err:
        return Reject(Reason.PARSE_ERROR, f"{type(err).__name__}: {err}", stage_of(step))
