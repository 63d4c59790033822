"""Which template renders which outlet's pages."""

# ruff: noqa: E501 - HTML templates and article prose keep the lines they render as.
from __future__ import annotations

from collections.abc import Callable

from demo_site.model import (
    PageContext,
    RenderedPage,
    Story,
)
from demo_site.outlet_eldetaler_rundschau import render_er
from demo_site.outlet_harbour_gazette import render_hg
from demo_site.outlet_lantern_post import render_lp
from demo_site.outlet_meridian_daily import render_md
from demo_site.outlet_northfield_courier import render_nc

RENDERERS: dict[str, Callable[[Story, PageContext], RenderedPage]] = {
    "hg": render_hg,
    "nc": render_nc,
    "md": render_md,
    "lp": render_lp,
    "er": render_er,
}
