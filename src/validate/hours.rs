//! Opening and consultation hours: weekdays ("Mo-Fr", "Mo, Mi"), time ranges ("08:00-12:00"),
//! closed days, and no day listed with overlapping times.

use crate::catalog::{DayHours, Hours, TimeOfDay, TimeRange, Weekday};
use crate::messages;
use crate::model::profile::HoursSpec;

use super::fields::Problem;

/// A problem inside an hours block, with the JSON pointer (relative to the block) it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursProblem {
    pub pointer: String,
    pub problem: Problem,
}

/// Checks an hours block and builds its structured form.
pub fn hours(spec: &HoursSpec) -> Result<Hours, Vec<HoursProblem>> {
    let mut problems = Vec::new();
    let mut weekly = Vec::new();
    // Every (day, range) seen so far, to find overlaps across slots.
    let mut taken: Vec<(Weekday, TimeRange)> = Vec::new();
    for (index, slot) in spec.weekly.iter().enumerate() {
        let mut fail = |field: &str, problem: Problem| {
            problems.push(HoursProblem {
                pointer: format!("/weekly/{index}{field}"),
                problem,
            })
        };
        let days = match weekdays(&slot.days) {
            Ok(days) => days,
            Err(problem) => {
                fail("/days", problem);
                continue;
            }
        };
        let mut times = Vec::new();
        for (t, text) in slot.times.iter().enumerate() {
            match time_range(text) {
                Ok(range) => times.push(range),
                Err(problem) => fail(&format!("/times/{t}"), problem),
            }
        }
        match (slot.closed, slot.times.is_empty()) {
            (true, false) => fail(
                "/closed",
                Problem::new(
                    messages::closed_with_times(),
                    messages::closed_with_times_hint(),
                ),
            ),
            (false, true) => fail(
                "/days",
                Problem::new(
                    messages::no_times(slot.days.trim()),
                    messages::no_times_hint(),
                ),
            ),
            _ => {}
        }
        for day in &days {
            for range in &times {
                if let Some((_, other)) = taken
                    .iter()
                    .find(|(d, other)| d == day && range.from < other.to && other.from < range.to)
                {
                    fail(
                        "/times",
                        Problem::new(
                            messages::times_overlap(
                                &format!("{}–{}", range.from, range.to),
                                &format!("{}–{}", other.from, other.to),
                                german_abbreviation(*day),
                            ),
                            messages::times_overlap_hint(),
                        ),
                    );
                }
            }
            for range in &times {
                taken.push((*day, *range));
            }
        }
        times.sort();
        weekly.push(DayHours { days, times });
    }
    if problems.is_empty() {
        Ok(Hours {
            weekly,
            appointment: spec.appointment,
        })
    } else {
        Err(problems)
    }
}

/// The weekdays with the German abbreviation and full name `check` accepts (in any case, with
/// or without a final dot).
pub const DAY_NAMES: [(Weekday, &str, &str); 7] = [
    (Weekday::Monday, "mo", "montag"),
    (Weekday::Tuesday, "di", "dienstag"),
    (Weekday::Wednesday, "mi", "mittwoch"),
    (Weekday::Thursday, "do", "donnerstag"),
    (Weekday::Friday, "fr", "freitag"),
    (Weekday::Saturday, "sa", "samstag"),
    (Weekday::Sunday, "so", "sonntag"),
];

fn german_abbreviation(day: Weekday) -> &'static str {
    ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"][day as usize]
}

fn weekday(text: &str) -> Result<Weekday, Problem> {
    let key = text.trim().trim_end_matches('.').to_lowercase();
    DAY_NAMES
        .iter()
        .find(|(_, short, long)| key == *short || key == *long)
        .map(|(day, _, _)| *day)
        .ok_or_else(|| {
            Problem::new(
                messages::not_a_weekday(text.trim()),
                messages::not_a_weekday_hint(),
            )
        })
}

/// Parses "Mo", "Mo-Fr", "Mo, Mi, Fr" or "Mo-Mi, Fr" into sorted, distinct weekdays.
pub fn weekdays(text: &str) -> Result<Vec<Weekday>, Problem> {
    let mut days = Vec::new();
    for part in text.split(',') {
        let normalised = part.replace(['–', '—'], "-");
        match normalised.split_once('-') {
            Some((first, last)) => {
                let (first, last) = (weekday(first)?, weekday(last)?);
                if first > last {
                    return Err(Problem::new(
                        messages::days_backwards(part.trim()),
                        messages::days_backwards_hint(),
                    ));
                }
                days.extend(Weekday::ALL[first as usize..=last as usize].iter().copied());
            }
            None => days.push(weekday(part)?),
        }
    }
    let count = days.len();
    days.sort();
    days.dedup();
    if days.len() != count {
        return Err(Problem::new(
            messages::day_twice(text.trim()),
            messages::day_twice_hint(),
        ));
    }
    Ok(days)
}

fn time_of_day(text: &str) -> Option<TimeOfDay> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let (hours, minutes): (u16, u16) = (hours.parse().ok()?, minutes.parse().ok()?);
    let valid = minutes < 60
        && minutes.to_string().len() <= 2
        && (hours < 24 || (hours == 24 && minutes == 0));
    valid.then_some(TimeOfDay(hours * 60 + minutes))
}

/// Parses "08:00-12:30" (also with an en dash) into a range that opens before it closes.
pub fn time_range(text: &str) -> Result<TimeRange, Problem> {
    let normalised = text.replace(['–', '—'], "-");
    let (from, to) = normalised
        .split_once('-')
        .and_then(|(a, b)| Some((time_of_day(a)?, time_of_day(b)?)))
        .ok_or_else(|| {
            Problem::new(
                messages::not_a_time_range(text),
                messages::time_range_hint(),
            )
        })?;
    if from >= to {
        return Err(Problem::new(
            messages::opens_after_closing(&from, &to),
            messages::opens_after_closing_hint(),
        ));
    }
    Ok(TimeRange { from, to })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::profile::SlotSpec;

    fn slot(days: &str, times: &[&str]) -> SlotSpec {
        SlotSpec {
            days: days.to_owned(),
            times: times.iter().map(|t| (*t).to_owned()).collect(),
            closed: false,
        }
    }

    fn spec(weekly: Vec<SlotSpec>) -> HoursSpec {
        HoursSpec {
            weekly,
            appointment: None,
            note: None,
        }
    }

    #[test]
    fn parses_day_ranges_and_lists() {
        use Weekday::*;
        assert_eq!(
            weekdays("Mo-Mi, Fr").unwrap(),
            vec![Monday, Tuesday, Wednesday, Friday]
        );
        assert_eq!(weekdays("mo.").unwrap(), vec![Monday]);
        assert_eq!(weekdays("Samstag–Sonntag").unwrap(), vec![Saturday, Sunday]);
        assert!(weekdays("Fr-Mo").unwrap_err().message.contains("backwards"));
        assert!(weekdays("Mo, Mo").unwrap_err().message.contains("twice"));
        assert!(
            weekdays("Mon")
                .unwrap_err()
                .message
                .contains("not a weekday")
        );
    }

    #[test]
    fn parses_time_ranges() {
        let range = time_range("08:00–12:30").unwrap();
        assert_eq!(
            (range.from.to_string(), range.to.to_string()),
            ("08:00".into(), "12:30".into())
        );
        assert!(
            time_range("12:00-08:00")
                .unwrap_err()
                .message
                .contains("not before")
        );
        assert!(time_range("8-12").is_err());
        assert!(time_range("08:00-24:00").is_ok());
        assert!(time_range("08:60-09:00").is_err());
    }

    #[test]
    fn finds_overlaps_across_slots() {
        let problems = hours(&spec(vec![
            slot("Mo-Fr", &["08:00-12:00"]),
            slot("Mi", &["11:00-14:00"]),
        ]))
        .unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].pointer, "/weekly/1/times");
        assert!(
            problems[0]
                .problem
                .message
                .contains("overlaps 08:00–12:00 on Mi")
        );
    }

    #[test]
    fn closed_days_have_no_times() {
        let mut closed = slot("Mi", &["08:00-09:00"]);
        closed.closed = true;
        let problems = hours(&spec(vec![closed, slot("Do", &[])])).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert!(
            hours(&spec(vec![SlotSpec {
                closed: true,
                ..slot("Mi", &[])
            }]))
            .is_ok()
        );
    }
}
