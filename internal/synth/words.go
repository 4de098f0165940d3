package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Phrases for Vietnamese-looking synthetic text. They name no real place,
// agency or person; every noun that could be one carries "mẫu" (sample).

var titleVerbs = []string{
	"Triển khai", "Rà soát", "Hoàn thiện", "Xây dựng", "Tổ chức", "Đẩy mạnh",
	"Kiểm tra", "Nâng cấp", "Tuyên truyền về", "Số hóa", "Chuẩn hóa", "Kết nối",
}

var titleObjects = []string{
	"hồ sơ thủ tục hành chính mẫu", "cơ sở dữ liệu dân cư mẫu", "dịch vụ công trực tuyến mẫu",
	"hệ thống thông tin một cửa mẫu", "tài khoản định danh điện tử mẫu",
	"thanh toán không dùng tiền mặt mẫu", "kho dữ liệu dùng chung mẫu",
	"quy trình nội bộ mẫu", "mô hình điểm mẫu", "hạ tầng mạng mẫu",
	"dữ liệu hộ tịch mẫu", "ứng dụng công dân số mẫu", "cổng dịch vụ công mẫu",
	"chữ ký số mẫu", "dữ liệu an sinh xã hội mẫu",
}

var titleScopes = []string{
	"trên địa bàn tỉnh mẫu", "tại các cơ quan, đơn vị mẫu", "theo lộ trình mẫu",
	"phục vụ người dân và doanh nghiệp", "ở cấp xã mẫu", "trong toàn ngành mẫu",
	"theo hướng dẫn mẫu", "bảo đảm an toàn thông tin",
}

var resultPhrases = []string{
	"Đã tiếp nhận %n hồ sơ trực tuyến mẫu trong kỳ",
	"Đã hoàn thành %p%% khối lượng công việc theo kế hoạch mẫu",
	"Đã tổ chức %k hội nghị tập huấn mẫu cho %n lượt cán bộ",
	"Đã rà soát, cập nhật %n bản ghi dữ liệu mẫu",
	"Đã kích hoạt %n tài khoản định danh điện tử mẫu",
	"Đã ban hành %k văn bản hướng dẫn mẫu",
	"Đã kết nối %k hệ thống thông tin mẫu với cơ sở dữ liệu dùng chung",
	"Đã số hóa %n hồ sơ lưu trữ mẫu",
}

var obstaclePhrases = []string{
	"Hạ tầng kỹ thuật mẫu chưa đồng bộ",
	"Thiếu nhân lực chuyên trách về chuyển đổi số",
	"Kinh phí triển khai mẫu chưa được bố trí kịp thời",
	"Một số phần mềm mẫu chưa kết nối được với nhau",
	"Người dân ở khu vực mẫu còn ít sử dụng dịch vụ trực tuyến",
	"Dữ liệu mẫu còn sai lệch, phải rà soát lại",
}

var proposalPhrases = []string{
	"Đề nghị cơ quan chủ trì mẫu sớm ban hành hướng dẫn",
	"Đề nghị bố trí bổ sung kinh phí mẫu",
	"Đề nghị tổ chức tập huấn bổ sung cho cán bộ mẫu",
	"Đề nghị hỗ trợ kỹ thuật để kết nối hệ thống mẫu",
	"Đề nghị gia hạn thời gian thực hiện nhiệm vụ mẫu",
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// thousands formats n the Vietnamese way: 12.345.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// fill replaces %n (a count), %k (a small count), %p (the progress) and %%.
func fill(r *rand.Rand, phrase string, progress int) string {
	var b strings.Builder
	for i := 0; i < len(phrase); i++ {
		if phrase[i] != '%' || i+1 == len(phrase) {
			b.WriteByte(phrase[i])
			continue
		}
		i++
		switch phrase[i] {
		case 'n':
			b.WriteString(thousands(10 + r.IntN(20000)))
		case 'k':
			b.WriteString(strconv.Itoa(1 + r.IntN(12)))
		case 'p':
			b.WriteString(strconv.Itoa(progress))
		default:
			b.WriteByte(phrase[i])
		}
	}
	return b.String()
}

// sentence joins one or two phrases into a sentence of modest length.
func sentence(r *rand.Rand, list []string, progress int) string {
	s := fill(r, pick(r, list), progress)
	if r.IntN(3) == 0 {
		second := fill(r, pick(r, list), progress)
		if second != s {
			r0, size := utf8.DecodeRuneInString(second)
			s += "; " + string(unicode.ToLower(r0)) + second[size:]
		}
	}
	return s + "."
}
