//! The first sheet of an `.xlsx` workbook as a table, or a clear error in a
//! build without the `xlsx` feature.

use super::error::InputError;
#[cfg(not(feature = "xlsx"))]
use super::error::InputErrorKind;
use super::table::Table;

/// The table of an `.xlsx` workbook, or an error in a build without them.
pub(crate) fn xlsx_table(bytes: &[u8]) -> Result<Table, InputError> {
    #[cfg(feature = "xlsx")]
    return super::xlsx::table(bytes);
    #[cfg(not(feature = "xlsx"))]
    {
        let _ = bytes;
        Err(InputError::new(InputErrorKind::Malformed {
            message: "this build cannot read .xlsx workbooks (built without the `xlsx` feature): save the sheet as CSV".into(),
        }))
    }
}
