//! A [`Report`](crate::Report) in other formats: CSV, GeoJSON for GIS tools
//! and web maps, and an Excel workbook (feature `xlsx`). They are returned as
//! values; the caller writes them where it wants.
//!
//! The SVG map is in [`map`](crate::map).

mod csv;
mod geojson;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use csv::{csv, safe_cell};
pub use geojson::geojson;
#[cfg(feature = "xlsx")]
pub use xlsx::{XlsxError, xlsx, xlsx_in};
