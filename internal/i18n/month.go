package i18n

import "strconv"

// Month names a month the one way plan06 prints months in prose, in every
// command: "tháng 4/2024" in Vietnamese (the form of the plan's own
// documents), "April 2024" in English. ISO "2024-04" stays for JSON, CSV
// and the names of report folders.
func Month(lang Lang, year, month int) string {
	if month < 1 || month > 12 {
		return strconv.Itoa(year) + "-" + strconv.Itoa(month)
	}
	return T(lang, "render.month", T(lang, "render.month."+strconv.Itoa(month)), year)
}
