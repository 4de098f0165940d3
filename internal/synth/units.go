package synth

import (
	"fmt"
	"math/rand/v2"
)

// unit is one unit of units.yaml, with the roles it fills in task leads.
type unit struct {
	id, name, short, level, parent string
	roles                          []role
}

// set is one set of units.yaml: members, or every unit of a level.
type set struct {
	id, name, level string
	members         []string
}

// Sizes of the two scales (SPEC §7).
const (
	provinceDistricts = 10
	provinceCommunes  = 220
	countryProvinces  = 34
	countryCommunes   = 3300
	countryOrgs       = 30 // organizations per province (banks, insurers, …: "Tổ chức Mẫu")
)

// spread splits total into n parts of about total/n each, none below lo.
func spread(r *rand.Rand, total, n, lo, hi int) []int {
	parts := make([]int, n)
	sum := 0
	for i := range parts {
		parts[i] = lo + r.IntN(hi-lo+1)
		sum += parts[i]
	}
	for sum != total {
		i := r.IntN(n)
		if sum < total && parts[i] < hi {
			parts[i]++
			sum++
		} else if sum > total && parts[i] > lo {
			parts[i]--
			sum--
		}
	}
	return parts
}

// provinceUnits: 1 province unit, 20 departments, 10 districts and 220
// communes spread over the districts.
func provinceUnits(r *rand.Rand) ([]unit, []set) {
	units := []unit{{id: "ubnd-tinh", name: "UBND tỉnh Mẫu", short: "UBND", level: "province"}}
	for d := 1; d <= departments; d++ {
		units = append(units, unit{
			id: fmt.Sprintf("so-%02d", d), name: fmt.Sprintf("Sở Tổng hợp %02d", d),
			short: fmt.Sprintf("S%02d", d), level: "department", parent: "ubnd-tinh",
			roles: []role{{roleDept, d}, {roleDepartments, 0}},
		})
	}
	var districts []string
	for h := 1; h <= provinceDistricts; h++ {
		id := fmt.Sprintf("huyen-%02d", h)
		districts = append(districts, id)
		units = append(units, unit{
			id: id, name: fmt.Sprintf("Huyện Mẫu %02d", h), short: fmt.Sprintf("H%02d", h),
			level: "district", parent: "ubnd-tinh", roles: []role{{roleDistricts, 0}},
		})
	}
	for h, n := range spread(r, provinceCommunes, provinceDistricts, 15, 30) {
		for x := 1; x <= n; x++ {
			units = append(units, unit{
				id: fmt.Sprintf("xa-%02d-%03d", h+1, x), name: fmt.Sprintf("Xã Mẫu %02d-%03d", h+1, x),
				level: "commune", parent: districts[h], roles: []role{{roleCommunes, 0}},
			})
		}
	}
	sets := []set{
		{id: "all-districts", name: "Các huyện mẫu", members: districts},
		{id: "all-communes", name: "Các xã mẫu", level: "commune"},
		{id: "all-departments", name: "Các sở mẫu", level: "department"},
	}
	return units, sets
}

// countryUnits: 34 provinces after 2025 (no district level), each with its
// province unit, 20 departments, 30 organizations, its communes (3,300 in all)
// and one commune police unit per commune. Ids carry the province: p01-so-07.
// Organizations and commune police fill the district role of the province
// scale, so that the country's ~8,300 reporting units give the ~100,000
// report files a year of SPEC §7.
func countryUnits(r *rand.Rand) ([]unit, []set) {
	var units []unit
	deptMembers := make([][]string, departments)
	communes := spread(r, countryCommunes, countryProvinces, 80, 115)
	for p := 1; p <= countryProvinces; p++ {
		pre := fmt.Sprintf("p%02d-", p)
		top := pre + "ubnd-tinh"
		units = append(units, unit{id: top, name: fmt.Sprintf("UBND tỉnh Mẫu %02d", p), short: fmt.Sprintf("T%02d", p), level: "province"})
		for d := 1; d <= departments; d++ {
			id := fmt.Sprintf("%sso-%02d", pre, d)
			deptMembers[d-1] = append(deptMembers[d-1], id)
			units = append(units, unit{
				id: id, name: fmt.Sprintf("Sở Tổng hợp %02d tỉnh Mẫu %02d", d, p),
				short: fmt.Sprintf("T%02d-S%02d", p, d), level: "department", parent: top,
				roles: []role{{roleDept, d}, {roleDepartments, 0}},
			})
		}
		for o := 1; o <= countryOrgs; o++ {
			units = append(units, unit{
				id: fmt.Sprintf("%stc-%02d", pre, o), name: fmt.Sprintf("Tổ chức Mẫu %02d-%02d", p, o),
				level: "organization", parent: top, roles: []role{{roleDistricts, 0}},
			})
		}
		n := communes[p-1]
		for x := 1; x <= n; x++ {
			units = append(units, unit{
				id: fmt.Sprintf("%sxa-%03d", pre, x), name: fmt.Sprintf("Xã Mẫu %02d-%03d", p, x),
				level: "commune", parent: top, roles: []role{{roleCommunes, 0}},
			})
		}
		for x := 1; x <= n; x++ {
			units = append(units, unit{
				id: fmt.Sprintf("%sca-xa-%03d", pre, x), name: fmt.Sprintf("Công an xã Mẫu %02d-%03d", p, x),
				level: "organization", parent: fmt.Sprintf("%sxa-%03d", pre, x), roles: []role{{roleDistricts, 0}},
			})
		}
	}
	var sets []set
	for d := 1; d <= departments; d++ {
		sets = append(sets, set{
			id: fmt.Sprintf("cac-so-%02d", d), name: fmt.Sprintf("Sở Tổng hợp %02d các tỉnh mẫu", d),
			members: deptMembers[d-1],
		})
	}
	sets = append(sets,
		set{id: "all-organizations", name: "Các tổ chức và công an xã mẫu", level: "organization"},
		set{id: "all-communes", name: "Các xã mẫu", level: "commune"},
		set{id: "all-departments", name: "Các sở mẫu", level: "department"},
	)
	return units, sets
}

// roleID writes a role as the unit or set id a task names.
func roleID(country bool, r role) string {
	switch r.kind {
	case roleDept:
		if country {
			return fmt.Sprintf("cac-so-%02d", r.n)
		}
		return fmt.Sprintf("so-%02d", r.n)
	case roleDistricts:
		if country {
			return "all-organizations"
		}
		return "all-districts"
	case roleCommunes:
		return "all-communes"
	default:
		return "all-departments"
	}
}
