//! A [`Report`](crate::Report) in other formats: CSV, GeoJSON for GIS tools
//! and web maps, and an Excel workbook (feature `xlsx`). They are returned as
//! values; the caller writes them where it wants.
//!
//! The SVG map is in [`map`](crate::map).

pub mod csv;
pub mod geojson;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use csv::csv;
pub use geojson::geojson;
#[cfg(feature = "xlsx")]
pub use xlsx::{XlsxError, xlsx};
