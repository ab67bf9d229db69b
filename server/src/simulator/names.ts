// Plausible names for simulated patrols; demo data only.
import { pick } from './random.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '红', '晓东', '志强', '海燕', '国庆', '玉兰', '春生'];

export function personName(rand: () => number): string {
  return pick(rand, SURNAMES) + pick(rand, GIVEN);
}
